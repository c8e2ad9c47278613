import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { DomainError, ErrorCode, Role, SessionStatus, type FieldProblem } from '@lh/domain';
import { requireCoordinator } from '../common/access';
import { Clock } from '../common/clock';
import type { Viewer } from '../common/viewer';
import { BookingRepository } from '../booking/booking.repository';
import { Person } from '../people/person.entity';
import { SchedulingService } from './scheduling.service';
import { AdminSessionType, TrainerPoolMemberType } from './scheduling.types';
import { sortedParts } from './scheduling-views';
import { TrainerSchedule } from './trainer-schedule';
import { TrainerMailer } from './trainer-mailer';
import type { AssignTrainerInput } from './dto/assign-trainer.input';

const badInput = (problems: FieldProblem[]) => new DomainError(ErrorCode.BadUserInput, problems.map((p) => p.message).join('; '), problems);

/** The training pool: people with the trainer role, and who trains which session. */
@Injectable()
export class TrainingPoolService {
  constructor(
    private readonly em: EntityManager,
    private readonly repo: BookingRepository,
    private readonly trainerSchedule: TrainerSchedule,
    private readonly sessions: SchedulingService,
    private readonly mailer: TrainerMailer,
    private readonly clock: Clock,
  ) {}

  /** People with the trainer role, by name, with how many coming sessions each is assigned to. */
  async trainerPool(viewer: Viewer, now = this.clock.now()): Promise<TrainerPoolMemberType[]> {
    requireCoordinator(viewer);
    const em = this.em.fork();
    const ids = await em.execute<{ id: string }[]>('select id from person where ? = any(roles)', [Role.TRAINER]);
    if (!ids.length) {
      return [];
    }
    const trainers = await em.find(Person, { id: { $in: ids.map((r) => r.id) } }, { populate: ['agency'], orderBy: { name: 'asc' } });
    const counts = await em.execute<{ person_id: string; n: string }[]>(
      `select st.person_id, count(*) as n from session_trainer st join session s on s.id = st.session_id
        where st.person_id in (?) and s.status = ? and s.ends_at > ? group by st.person_id`,
      [trainers.map((t) => t.id), SessionStatus.SCHEDULED, now],
    );
    const count = new Map(counts.map((c) => [c.person_id, Number(c.n)]));
    return trainers.map((t) => ({
      id: t.id,
      name: t.name,
      email: t.email,
      jobTitle: t.jobTitle ?? null,
      agencyName: t.agency?.name ?? null,
      upcomingSessionCount: count.get(t.id) ?? 0,
    }));
  }

  /**
   * Puts a member of the training pool on a session, unless they are training elsewhere at the same time.
   * They are told, with an invite per part, in the same transaction (not for a session that has already
   * ended: an assignment after the day only records who trained it).
   */
  async assignTrainer(viewer: Viewer, input: AssignTrainerInput, now = this.clock.now()): Promise<AdminSessionType> {
    requireCoordinator(viewer);
    await this.em.fork().transactional(async (em) => {
      await this.trainerSchedule.lock(em);
      const session = await this.repo.lockSession(em, input.sessionId, { withTrainers: true });
      if (session.status === SessionStatus.CANCELLED) {
        throw new DomainError(ErrorCode.SessionCancelled, 'This session has been cancelled, so it cannot be changed.');
      }
      const field = 'input.personEmail';
      const person = await em.findOne(Person, { email: input.personEmail });
      if (!person) {
        throw badInput([{ field, message: `Nobody with the email address ${input.personEmail} has an account` }]);
      }
      if (!person.roles.includes(Role.TRAINER)) {
        throw badInput([
          { field, message: `${person.name} is not in the training pool: only people with the trainer role can be assigned` },
        ]);
      }
      if (session.trainers.getItems().some((t) => t.id === person.id)) {
        throw badInput([{ field, message: `${person.name} is already a trainer on this session` }]);
      }
      await this.trainerSchedule.refuseClash(em, session, [person], sortedParts(session), field);
      session.trainers.add(person);
      await em.flush();
      if (session.endsAt.getTime() > now.getTime()) {
        await this.mailer.assigned(em, session, person);
      }
    });
    return this.sessions.session(viewer, input.sessionId, now);
  }

  /**
   * Takes a trainer off a session; they are told and their events are cancelled, unless the session was
   * called off (they were told then) or has already ended.
   */
  async removeTrainer(viewer: Viewer, sessionId: string, personId: string, now = this.clock.now()): Promise<AdminSessionType> {
    requireCoordinator(viewer);
    await this.em.fork().transactional(async (em) => {
      const session = await this.repo.lockSession(em, sessionId, { withTrainers: true });
      const trainer = session.trainers.getItems().find((t) => t.id === personId);
      if (!trainer) {
        throw new DomainError(ErrorCode.NotFound, 'That person is not a trainer on this session.');
      }
      session.trainers.remove(trainer);
      await em.flush();
      if (session.status !== SessionStatus.CANCELLED && session.endsAt.getTime() > now.getTime()) {
        await this.mailer.removed(em, session, trainer);
      }
    });
    return this.sessions.session(viewer, sessionId, now);
  }
}
