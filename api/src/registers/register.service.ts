import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import {
  AttendanceMark,
  AuditAction,
  DomainError,
  ErrorCode,
  MarkSource,
  attendanceMarkLabels,
  formatLondonTime,
  markProblem,
} from '@lh/domain';
import { randomUUID } from 'node:crypto';
import { Clock } from '../common/clock';
import type { Viewer } from '../common/viewer';
import { Person } from '../people/person.entity';
import type { Booking } from '../booking/booking.entity';
import { AttendanceEvent } from './attendance-event.entity';
import { AttendanceOutcomes } from './attendance-outcomes';
import { AttendanceRepository, markKey, type CurrentMark } from './attendance.repository';
import { RegisterAccess, type RegisterContext } from './register-access';
import { RegisterView, entryType } from './register-view';
import type { MarkResultType, RegisterType } from './registers.types';
import type { MarkAllPresentInput, MarkAttendanceInput } from './dto/mark-attendance.input';
import { AuditLog } from '../audit/audit-log';

/** A mark to record on one booking, from any source (the register, self check-in, an upload). */
export interface MarkToRecord {
  clientId: string;
  booking: Booking;
  mark: AttendanceMark | null;
  minutes?: number | null;
  note?: string | null;
  reason?: string | null;
  source: MarkSource;
}

const notOnRegister = () =>
  new DomainError(ErrorCode.NotFound, 'That person does not have a confirmed place on this session.', [
    { field: 'input.bookingId', message: 'That person does not have a confirmed place on this session' },
  ]);

const sameValue = (m: CurrentMark | undefined, next: { mark: AttendanceMark | null; minutes: number | null; note: string | null }) =>
  (m?.mark ?? null) === next.mark && (m?.minutes ?? null) === next.minutes && (m?.note ?? null) === next.note;

/**
 * Taking a register: reading it, marking one person, marking everyone not yet marked as present. Every
 * mark is an AttendanceEvent; the current register is derived from them. Each change runs in one
 * transaction holding the part's row lock, so marks from several devices queue up.
 */
@Injectable()
export class RegisterService {
  constructor(
    private readonly em: EntityManager,
    private readonly access: RegisterAccess,
    private readonly repo: AttendanceRepository,
    private readonly view: RegisterView,
    private readonly outcomes: AttendanceOutcomes,
    private readonly clock: Clock,
  ) {}

  async register(viewer: Viewer, partId: string, now = this.clock.now()): Promise<RegisterType> {
    const em = this.em.fork();
    const ctx = await this.access.load(em, viewer, partId, now);
    return this.view.build(em, ctx, this.access);
  }

  /** Marks one person. A replayed client id changes nothing; a mark made on a mark the device did not see is a conflict. */
  async markAttendance(viewer: Viewer, input: MarkAttendanceInput, now = this.clock.now()): Promise<MarkResultType> {
    return this.em.fork().transactional(async (em) => {
      // a mark sent again (its answer was lost) is answered as done even if the register has since closed or been signed off
      const ctx = await this.lockedContext(em, viewer, input.partId, now, false);
      const [booking] = await this.view.confirmedBookings(em, ctx, [input.bookingId]);
      if (!booking) {
        throw notOnRegister();
      }
      const current = (await this.repo.currentMarks(em, [ctx.part.id], [booking.id])).get(markKey(booking.id, ctx.part.id));
      const replay = await this.repo.bookingsMarkedWith(em, input.clientId);
      if (replay.length) {
        if (!replay.includes(booking.id)) {
          throw new DomainError(
            ErrorCode.IdempotencyConflict,
            'That mark was already used for someone else. Reload the register and mark again.',
          );
        }
        return { applied: true, replayed: true, conflict: null, entry: entryType(booking, current) };
      }
      this.refuse(ctx);
      const next = { mark: input.mark ?? null, minutes: input.minutes ?? null, note: input.note ?? null };
      this.refuseBadMark(ctx, next);
      if (sameValue(current, next)) {
        return { applied: true, replayed: false, conflict: null, entry: entryType(booking, current) };
      }
      if ((current?.eventId ?? null) !== (input.basedOnEventId ?? null)) {
        return { applied: false, replayed: false, conflict: conflictSentence(booking, current), entry: entryType(booking, current) };
      }
      const correction = this.access.isCorrection(ctx);
      if (correction && !input.reason) {
        throw new DomainError(ErrorCode.BadUserInput, 'Enter the reason for the correction.', [
          { field: 'input.reason', message: 'Enter the reason for the correction' },
        ]);
      }
      await this.record(
        em,
        viewer,
        ctx,
        current,
        {
          clientId: input.clientId,
          booking,
          ...next,
          reason: input.reason ?? null,
          source: correction ? MarkSource.CORRECTION : MarkSource.TRAINER,
        },
        now,
      );
      if (ctx.signOff) {
        await this.outcomes.decide(em, ctx.session, now, { viewer, reason: input.reason ?? null });
      }
      const after = (await this.repo.currentMarks(em, [ctx.part.id], [booking.id])).get(markKey(booking.id, ctx.part.id));
      return { applied: true, replayed: false, conflict: null, entry: entryType(booking, after) };
    });
  }

  /** Marks everyone with no mark yet as present. Sending the same client id again marks nobody twice. */
  async markAllPresent(viewer: Viewer, input: MarkAllPresentInput, now = this.clock.now()): Promise<RegisterType> {
    await this.em.fork().transactional(async (em) => {
      const ctx = await this.lockedContext(em, viewer, input.partId, now, false);
      if ((await this.repo.bookingsMarkedWith(em, input.clientId)).length) {
        return;
      }
      this.refuse(ctx);
      if (this.access.isCorrection(ctx)) {
        throw new DomainError(
          ErrorCode.RegisterSignedOff,
          'Marking everyone at once is for taking the register: correct people one at a time, giving a reason.',
        );
      }
      const bookings = await this.view.confirmedBookings(em, ctx);
      const marks = await this.repo.currentMarks(em, [ctx.part.id]);
      for (const booking of bookings) {
        const current = marks.get(markKey(booking.id, ctx.part.id));
        if (!current?.mark) {
          await this.record(
            em,
            viewer,
            ctx,
            current,
            { clientId: input.clientId, booking, mark: AttendanceMark.PRESENT, source: MarkSource.TRAINER },
            now,
            false,
          );
        }
      }
      await em.flush();
    });
    return this.register(viewer, input.partId, now);
  }

  /** Loads the register under its part lock and (unless told not to) refuses anyone who may not mark it now. */
  async lockedContext(em: EntityManager, viewer: Viewer, partId: string, now: Date, refuse = true): Promise<RegisterContext> {
    const ctx = await this.access.load(em, viewer, partId, now);
    await this.repo.lockPart(em, ctx.part.id);
    ctx.signOff = await this.access.signOffOf(em, ctx.part.id);
    if (refuse) {
      this.refuse(ctx);
    }
    return ctx;
  }

  private refuse(ctx: RegisterContext): void {
    const refusal = this.access.markRefusal(ctx);
    if (refusal) {
      throw refusal;
    }
  }

  refuseBadMark(ctx: RegisterContext, next: { mark: AttendanceMark | null; minutes: number | null }): void {
    const problem = markProblem(next.mark, next.minutes, ctx.part);
    if (problem) {
      throw new DomainError(ErrorCode.BadUserInput, `${problem}.`, [{ field: 'input.minutes', message: problem }]);
    }
  }

  /**
   * Appends one event (the one way a mark is recorded: the register, marking all present, uploads, walk-ins,
   * check-in, sign-off), in the caller's transaction. A change to a signed-off register is a correction and
   * is written to the audit log here, whichever way it came.
   */
  async record(
    em: EntityManager,
    viewer: Viewer | null,
    ctx: RegisterContext,
    current: CurrentMark | undefined,
    mark: MarkToRecord,
    now: Date,
    flush = true,
  ): Promise<AttendanceEvent> {
    const event = em.create(AttendanceEvent, {
      part: ctx.part,
      booking: mark.booking,
      mark: mark.mark,
      minutes: mark.minutes ?? null,
      note: mark.note ?? null,
      previousMark: current?.mark ?? null,
      previousMinutes: current?.minutes ?? null,
      source: mark.source,
      actor: viewer ? em.getReference(Person, viewer.id) : null,
      reason: mark.reason ?? null,
      clientId: mark.clientId || randomUUID(),
      at: now,
    });
    em.persist(event);
    if (ctx.signOff) {
      const person = await em.findOneOrFail(Person, mark.booking.person.id, { fields: ['name'] });
      AuditLog.record(em, viewer, {
        action: AuditAction.REGISTER_CORRECTED,
        at: now,
        subject: { type: 'session_part', id: ctx.part.id },
        subjectPerson: { id: person.id, name: person.name },
        before: { mark: current?.mark ?? null, minutes: current?.minutes ?? null, note: current?.note ?? null },
        after: { mark: mark.mark, minutes: mark.minutes ?? null, note: mark.note ?? null },
        reason: mark.reason ?? null,
      });
    }
    if (flush) {
      await em.flush();
    }
    return event;
  }
}

function conflictSentence(booking: Booking, current: CurrentMark | undefined): string {
  if (!current?.mark) {
    return `${booking.person.name}'s mark was taken back${current?.actorName ? ` by ${current.actorName}` : ''} on another device. Check and mark again.`;
  }
  const what = attendanceMarkLabels[current.mark].toLowerCase();
  const minutes = current.minutes ? ` (${current.minutes} minutes)` : '';
  return `${current.actorName ?? 'Someone'} marked ${booking.person.name} ${what}${minutes} at ${formatLondonTime(current.at)} on another device. Check and mark again if that is wrong.`;
}
