import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { londonToday, needsAction } from '@lh/domain';
import { Clock } from '../common/clock';
import type { Viewer } from '../common/viewer';
import { RecordAccess } from '../records/record-access';
import { MandatoryStandings } from './mandatory-standings';
import { MandatoryTrainingOfType, type RequirementStandingType } from './mandatory-training.types';

/**
 * One person's mandatory training: every requirement that applies to them, where they stand today, and for
 * those not current the sessions they could book. Their own, or (through RecordAccess) a coordinator's or
 * their agency lead's view of it.
 */
@Injectable()
export class MandatoryTrainingService {
  constructor(
    private readonly em: EntityManager,
    private readonly standings: MandatoryStandings,
    private readonly access: RecordAccess,
    private readonly clock: Clock,
  ) {}

  mine(viewer: Viewer): Promise<MandatoryTrainingOfType> {
    return this.of(viewer, viewer.id);
  }

  async of(viewer: Viewer, personId: string, now = this.clock.now()): Promise<MandatoryTrainingOfType> {
    const em = this.em.fork();
    const person = await this.access.person(em, viewer, personId);
    const today = londonToday(now);
    const rows = await this.standings.rows(em, today, { personIds: [person.id] });
    const open = rows.filter((r) => needsAction(r.standing.status) || !r.standing.lastCompletedOn);
    const next = await this.standings.nextSteps(em, open, now);
    const standings: RequirementStandingType[] = rows.map((r) => ({
      requirementId: r.requirementId,
      requirementName: r.requirementName,
      status: r.standing.status,
      lastCompletedOn: r.standing.lastCompletedOn,
      validUntil: r.standing.validUntil,
      refresherFrom: r.standing.refresherFrom,
      dueBy: r.standing.dueBy,
      ...(open.includes(r) ? next(r.personId, r.requirementId) : { sessions: [], yourBookings: [] }),
    }));
    return Object.assign(new MandatoryTrainingOfType(), { personId: person.id, name: person.name, today, standings });
  }
}
