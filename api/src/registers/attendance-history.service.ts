import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { requireOwnerOrCoordinator } from '../common/access';
import type { Viewer } from '../common/viewer';
import { AttendanceRepository } from './attendance.repository';
import type { AttendanceEventType } from './registers.types';

/** How many of a person's register marks their history shows. */
export const HISTORY_LIMIT = 100;

/** A person's attendance history: every mark on their places, for them and for coordinators. */
@Injectable()
export class AttendanceHistoryService {
  constructor(
    private readonly em: EntityManager,
    private readonly repo: AttendanceRepository,
  ) {}

  async history(viewer: Viewer, personId: string): Promise<AttendanceEventType[]> {
    requireOwnerOrCoordinator(viewer, personId);
    const rows = await this.repo.eventsForPerson(this.em.fork(), personId, HISTORY_LIMIT);
    return rows.map((r) => ({
      id: r.id,
      at: new Date(r.at),
      sessionId: r.session_id,
      courseTitle: r.course_title,
      partNumber: r.part_number,
      partStartsAt: new Date(r.part_starts_at),
      mark: r.mark,
      minutes: r.minutes,
      previousMark: r.previous_mark,
      previousMinutes: r.previous_minutes,
      note: r.note,
      source: r.source,
      actorName: r.actor_name,
      reason: r.reason,
    }));
  }
}
