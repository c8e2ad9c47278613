import { Injectable } from '@nestjs/common';
import { EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import { BookingStatus, DomainError, ErrorCode, PLACE_HOLDING, SessionStatus, placesLeft } from '@lh/domain';
import type { Viewer } from '../common/viewer';
import { Session } from '../scheduling/session.entity';
import { Agency } from '../people/agency.entity';
import { Course } from './course.entity';
import { PriorityArea } from './priority-area.entity';
import { CourseType, PriorityAreaType, SessionDetailType, SessionType } from './course.types';
import type { CourseFilterInput } from './dto/course-filter.input';

interface UpcomingStats {
  sessions: number;
  placesLeft: number;
  nextStart: Date | null;
}

/** The catalogue is public: anyone may browse it, signed in or not. */
@Injectable()
export class CatalogueService {
  constructor(private readonly em: EntityManager) {}

  async priorityAreas(_viewer: Viewer | undefined): Promise<PriorityAreaType[]> {
    const areas = await this.em.find(PriorityArea, {}, { orderBy: { name: 'asc' } });
    return areas.map((a) => ({ id: a.id, name: a.name }));
  }

  async courses(_viewer: Viewer | undefined, filter: CourseFilterInput = {}): Promise<CourseType[]> {
    const where: FilterQuery<Course> = {};
    if (filter.priorityAreaId) where.priorityArea = filter.priorityAreaId;
    if (filter.level) where.level = filter.level;
    if (filter.format) where.format = filter.format;
    const words = (filter.search ?? '').trim().split(/\s+/).filter(Boolean);
    if (words.length) {
      where.$and = words.map((w) => {
        const like = `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        return {
          $or: [{ title: { $ilike: like } }, { summary: { $ilike: like } }, { priorityArea: { name: { $ilike: like } } }],
        };
      });
    }
    const courses = await this.em.find(Course, where, { populate: ['priorityArea', 'prerequisite'], orderBy: { title: 'asc' } });
    const stats = await this.upcomingStats(courses.map((c) => c.id));
    return courses.map((c) => this.toCourseType(c, stats.get(c.id))).filter((c) => !filter.hasUpcomingPlaces || c.upcomingPlacesLeft > 0);
  }

  async course(_viewer: Viewer | undefined, id: string): Promise<CourseType> {
    const course = /^[0-9a-f-]{36}$/i.test(id) ? await this.em.findOne(Course, id, { populate: ['priorityArea', 'prerequisite'] }) : null;
    if (!course) throw new DomainError(ErrorCode.NotFound, 'There is no course with that id. It may have been removed.');
    const stats = await this.upcomingStats([course.id]);
    return this.toCourseType(course, stats.get(course.id));
  }

  /** Coming scheduled sessions of each course, soonest first (batched for DataLoader). */
  async upcomingSessions(_viewer: Viewer | undefined, courseIds: readonly string[]): Promise<Map<string, SessionType[]>> {
    const sessions = await this.em.find(
      Session,
      { course: { $in: [...courseIds] }, status: SessionStatus.SCHEDULED, startsAt: { $gt: new Date() } },
      { populate: ['parts', 'venue'], orderBy: { startsAt: 'asc' } },
    );
    const held = await this.heldCounts(sessions.map((s) => s.id));
    const byCourse = new Map<string, SessionType[]>();
    for (const s of sessions) {
      const list = byCourse.get(s.course.id) ?? [];
      list.push(this.toSessionType(s, held.get(s.id) ?? 0));
      byCourse.set(s.course.id, list);
    }
    return byCourse;
  }

  /** One session (any status, past or coming) with what the booking page needs. */
  async session(viewer: Viewer | undefined, id: string): Promise<SessionDetailType> {
    const session = /^[0-9a-f-]{36}$/i.test(id) ? await this.em.findOne(Session, id, { populate: ['course', 'parts', 'venue'] }) : null;
    if (!session) throw new DomainError(ErrorCode.NotFound, 'There is no session with that id. It may have been removed.');
    const held = await this.heldCounts([session.id]);
    const rows: { n: string }[] = await this.em
      .getConnection()
      .execute(`select count(*) as n from booking where session_id = ? and status = ?`, [session.id, BookingStatus.WAITLISTED]);
    return {
      session: this.toSessionType(session, held.get(session.id) ?? 0),
      course: { id: session.course.id, title: session.course.title },
      requiresApproval: session.course.requiresApproval,
      approvalNeededForYou:
        session.course.requiresApproval && !(viewer?.agencyId && (await this.em.findOne(Agency, viewer.agencyId))?.approvalExempt),
      cancellationCutoffWorkingDays: session.course.cancellationCutoffWorkingDays,
      bookingOpensAt: session.bookingOpensAt ?? null,
      bookingClosesAt: session.bookingClosesAt ?? null,
      waiting: Number(rows[0]?.n ?? 0),
    };
  }

  /** Places taken or held (confirmed, offered, awaiting approval) per session. */
  private async heldCounts(sessionIds: string[]): Promise<Map<string, number>> {
    if (!sessionIds.length) return new Map();
    const rows: { session_id: string; n: string }[] = await this.em
      .getConnection()
      .execute(`select session_id, count(*) as n from booking where status in (?) and session_id in (?) group by session_id`, [
        [...PLACE_HOLDING],
        sessionIds,
      ]);
    return new Map(rows.map((r) => [r.session_id, Number(r.n)]));
  }

  /** For each course: coming scheduled sessions, places left over them, and the next start. One query. */
  private async upcomingStats(courseIds: string[]): Promise<Map<string, UpcomingStats>> {
    if (!courseIds.length) return new Map();
    const rows: { course_id: string; sessions: string; places_left: string; next_start: Date | null }[] = await this.em
      .getConnection()
      .execute(
        `select s.course_id, count(*) as sessions, min(s.starts_at) as next_start,
                sum(greatest(s.capacity - coalesce(b.n, 0), 0)) as places_left
           from session s
           left join (select session_id, count(*) as n from booking where status in (?) group by session_id) b
             on b.session_id = s.id
          where s.status = ? and s.starts_at > now() and s.course_id in (?)
          group by s.course_id`,
        [[...PLACE_HOLDING], SessionStatus.SCHEDULED, courseIds],
      );
    return new Map(
      rows.map((r) => [
        r.course_id,
        { sessions: Number(r.sessions), placesLeft: Number(r.places_left), nextStart: r.next_start ? new Date(r.next_start) : null },
      ]),
    );
  }

  private toSessionType(s: Session, held: number): SessionType {
    return {
      id: s.id,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      parts: s.parts.getItems().map((p) => ({ startsAt: p.startsAt, endsAt: p.endsAt })),
      venue: s.venue
        ? { id: s.venue.id, name: s.venue.name, address: s.venue.address, accessibilityNotes: s.venue.accessibilityNotes ?? null }
        : null,
      room: s.room ?? null,
      online: !s.venue,
      capacity: s.capacity,
      placesLeft: placesLeft(s.capacity, held),
      status: s.status,
    };
  }

  private toCourseType(c: Course, stats: UpcomingStats | undefined): CourseType {
    return {
      id: c.id,
      title: c.title,
      summary: c.summary,
      learningOutcomes: c.learningOutcomes,
      priorityArea: { id: c.priorityArea.id, name: c.priorityArea.name },
      level: c.level,
      format: c.format,
      durationMinutes: c.durationMinutes,
      requiresApproval: c.requiresApproval,
      cancellationCutoffWorkingDays: c.cancellationCutoffWorkingDays,
      prerequisite: c.prerequisite ? { id: c.prerequisite.id, title: c.prerequisite.title } : null,
      upcomingSessionCount: stats?.sessions ?? 0,
      upcomingPlacesLeft: stats?.placesLeft ?? 0,
      nextSessionStartsAt: stats?.nextStart ?? null,
    };
  }
}
