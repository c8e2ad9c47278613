import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import {
  AttendanceMark,
  BookingStatus,
  CHECK_IN_CODE_SECONDS,
  CheckInRequestStatus,
  DomainError,
  ErrorCode,
  MarkSource,
  PLACE_HOLDING,
  SessionStatus,
  formatLondonDate,
  formatLondonDateTime,
  formatLondonRange,
  isCheckInCodeShape,
  normaliseCheckInCode,
} from '@lh/domain';
import { Booking } from '../booking/booking.entity';
import { Clock } from '../common/clock';
import type { Viewer } from '../common/viewer';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { RateLimitName } from '../config/rate-limit-config';
import { RateLimitService } from '../auth/rate-limit.service';
import { Person } from '../people/person.entity';
import { AttendanceRepository, markKey } from './attendance.repository';
import { CheckInCodes } from './check-in-codes';
import { CheckInRequest } from './check-in-request.entity';
import type { CheckInInput } from './dto/walk-in.input';
import { RegisterAccess, type RegisterContext } from './register-access';
import { RegisterService } from './register.service';
import type { CheckInResultType } from './walk-in.types';

const DAY = 86_400_000;

export const CODE_NOT_RIGHT = 'That code is not right or has expired: ask the trainer for the code on the screen now';

const what = (ctx: RegisterContext) =>
  ctx.partCount > 1 ? `part ${ctx.partNumber} of ${ctx.session.course.title}` : ctx.session.course.title;

/**
 * Why nobody can check in to this part now (null when they can), as a refusal to throw: the session was
 * cancelled, the register was signed off, or it is outside the register window. The check-in screen
 * shows the same sentence instead of a code.
 */
export function checkInRefusal(ctx: RegisterContext): DomainError | null {
  if (ctx.session.status === SessionStatus.CANCELLED) {
    return new DomainError(
      ErrorCode.SessionCancelled,
      `${ctx.session.course.title} on ${formatLondonDate(ctx.part.startsAt)} has been cancelled.`,
    );
  }
  if (ctx.signOff) {
    return new DomainError(
      ErrorCode.RegisterSignedOff,
      `The register for ${what(ctx)} has been signed off, so check-in has closed: speak to the trainer.`,
    );
  }
  if (ctx.state === 'NOT_OPEN') {
    return new DomainError(
      ErrorCode.RegisterNotOpen,
      `Check-in for ${what(ctx)} is not open yet: it opens at ${formatLondonDateTime(ctx.window.opensAt)}, 15 minutes before it starts.`,
    );
  }
  if (ctx.state === 'CLOSED') {
    return new DomainError(
      ErrorCode.RegisterClosed,
      `Check-in for ${what(ctx)} has closed: it closed at ${formatLondonDateTime(ctx.window.closesAt)}.`,
    );
  }
  return null;
}

/**
 * Self check-in (anyone signed in): the code on the trainer's screen marks the person present on their
 * own confirmed place (source SELF_CHECK_IN, through RegisterService.record), or, with no place, asks the
 * trainers to add them. Every refusal says why and changes nothing; a trainer's mark is never overridden.
 */
@Injectable()
export class CheckInService {
  constructor(
    private readonly em: EntityManager,
    private readonly access: RegisterAccess,
    private readonly registers: RegisterService,
    private readonly repo: AttendanceRepository,
    private readonly codes: CheckInCodes,
    private readonly clock: Clock,
    private readonly rateLimits: RateLimitService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Wrong codes are counted per IP address and per person (CHECK_IN_CODE_PER_IP / _PER_PERSON), so the
   * code cannot be guessed: once either has used up its limit, every code is refused until the window ends.
   */
  async checkIn(viewer: Viewer, input: CheckInInput, ip: string, now = this.clock.now()): Promise<CheckInResultType> {
    await this.rateLimits.check(RateLimitName.CHECK_IN_CODE_PER_IP, ip);
    await this.rateLimits.check(RateLimitName.CHECK_IN_CODE_PER_PERSON, `person:${viewer.id}`);
    const wrongCode = async () => {
      await this.rateLimits.count(RateLimitName.CHECK_IN_CODE_PER_IP, ip);
      await this.rateLimits.count(RateLimitName.CHECK_IN_CODE_PER_PERSON, `person:${viewer.id}`);
      return codeNotRight();
    };
    const code = normaliseCheckInCode(input.code);
    if (!isCheckInCodeShape(code)) {
      throw await wrongCode();
    }
    const parts = await this.partsNear(this.em.fork(), now);
    const match = this.codes.match(code, parts, now);
    if (!match) {
      throw await wrongCode();
    }
    return this.em.fork().transactional(async (em) => {
      if (!match.fresh) {
        throw new DomainError(
          ErrorCode.CheckInCodeExpired,
          `That code has expired: the code changes every ${CHECK_IN_CODE_SECONDS} seconds. Scan the code on the screen again, or type the one it shows now.`,
        );
      }
      const ctx = await this.access.loadForCheckIn(em, match.partId, now);
      await this.repo.lockPart(em, ctx.part.id);
      ctx.signOff = await this.access.signOffOf(em, ctx.part.id);
      const refusal = checkInRefusal(ctx);
      if (refusal) {
        throw refusal;
      }
      if (ctx.session.trainers.getItems().some((t) => t.id === viewer.id)) {
        throw new DomainError(ErrorCode.NotAllowed, 'You are a trainer on this session: the code is for the people taking part.');
      }
      const booking = await em.findOne(Booking, { session: ctx.session.id, person: viewer.id, status: BookingStatus.CONFIRMED });
      return booking ? this.markPresent(em, viewer, ctx, booking, input.clientId, now) : this.askToBeAdded(em, viewer, ctx, now);
    });
  }

  private async markPresent(
    em: EntityManager,
    viewer: Viewer,
    ctx: RegisterContext,
    booking: Booking,
    clientId: string,
    now: Date,
  ): Promise<CheckInResultType> {
    const replay = await this.repo.bookingsMarkedWith(em, clientId);
    if (replay.includes(booking.id)) {
      return this.result(ctx, 'CHECKED_IN', true, checkedInMessage(ctx));
    }
    if (replay.length) {
      throw new DomainError(ErrorCode.IdempotencyConflict, 'That check-in was already used for someone else: scan the code again.');
    }
    const current = (await this.repo.currentMarks(em, [ctx.part.id], [booking.id])).get(markKey(booking.id, ctx.part.id));
    if (current?.mark === AttendanceMark.PRESENT) {
      throw new DomainError(
        ErrorCode.AlreadyCheckedIn,
        `You are already checked in to ${what(ctx)}${current.source === MarkSource.SELF_CHECK_IN ? '' : ': the trainer marked you present'}.`,
      );
    }
    if (current?.mark) {
      throw new DomainError(ErrorCode.AlreadyMarked, 'The trainer has already marked you on the register: speak to them.');
    }
    await this.registers.record(
      em,
      viewer,
      ctx,
      current,
      { clientId, booking, mark: AttendanceMark.PRESENT, source: MarkSource.SELF_CHECK_IN },
      now,
    );
    return this.result(ctx, 'CHECKED_IN', false, checkedInMessage(ctx));
  }

  /** No place on this session: a place on another date of the course is named; otherwise the trainers are asked to add them. */
  private async askToBeAdded(em: EntityManager, viewer: Viewer, ctx: RegisterContext, now: Date): Promise<CheckInResultType> {
    const elsewhere = await em.findOne(
      Booking,
      {
        person: viewer.id,
        status: { $in: [...PLACE_HOLDING] },
        session: { course: ctx.session.course.id, id: { $ne: ctx.session.id }, status: SessionStatus.SCHEDULED, endsAt: { $gt: now } },
      },
      { populate: ['session'], orderBy: { session: { startsAt: 'asc' } } },
    );
    if (elsewhere) {
      const here = formatLondonDate(ctx.part.startsAt);
      const there = formatLondonDate(elsewhere.session.startsAt);
      const [hereSaid, thereSaid] =
        here === there
          ? [formatLondonRange(ctx.part.startsAt, ctx.part.endsAt), formatLondonRange(elsewhere.session.startsAt, elsewhere.session.endsAt)]
          : [here, there];
      throw new DomainError(
        ErrorCode.CheckInWrongSession,
        `This code is for ${ctx.session.course.title} on ${hereSaid}; your place is on ${thereSaid}. Speak to the trainer if you want to stay.`,
      );
    }
    const message = 'You are not booked on this session. The trainer has been asked to add you.';
    const request = await em.findOne(CheckInRequest, { part: ctx.part.id, person: viewer.id });
    if (!request) {
      em.create(CheckInRequest, { part: ctx.part, person: em.getReference(Person, viewer.id), requestedAt: now });
      await em.flush();
      return this.result(ctx, 'REQUESTED', false, message);
    }
    switch (request.status as CheckInRequestStatus) {
      case CheckInRequestStatus.PENDING:
        return this.result(ctx, 'REQUESTED', true, message);
      case CheckInRequestStatus.DISMISSED:
        throw new DomainError(ErrorCode.NotAllowed, 'You are not booked on this session, and the trainer did not add you: speak to them.');
      case CheckInRequestStatus.ACCEPTED:
        // they were added, and that place has gone since (cancelled or moved): ask again
        Object.assign(request, { status: CheckInRequestStatus.PENDING, requestedAt: now, decidedBy: null, decidedAt: null });
        await em.flush();
        return this.result(ctx, 'REQUESTED', false, message);
    }
  }

  /** The parts a code could be for: whose register window is near now (a day either side), a few rows at most. */
  private async partsNear(em: EntityManager, now: Date): Promise<string[]> {
    const rows = await em.execute<{ id: string }[]>('select id from session_part where starts_at <= ? and ends_at >= ? order by id', [
      new Date(now.getTime() + DAY),
      new Date(now.getTime() - this.config.registerClosesAfterMinutes * 60_000 - DAY),
    ]);
    return rows.map((r) => r.id);
  }

  private result(ctx: RegisterContext, outcome: CheckInResultType['outcome'], replayed: boolean, message: string): CheckInResultType {
    return {
      outcome,
      replayed,
      message,
      sessionId: ctx.session.id,
      courseTitle: ctx.session.course.title,
      partNumber: ctx.partNumber,
      partCount: ctx.partCount,
      startsAt: ctx.part.startsAt,
      endsAt: ctx.part.endsAt,
    };
  }
}

function codeNotRight(): DomainError {
  return new DomainError(ErrorCode.CheckInCodeInvalid, `${CODE_NOT_RIGHT}.`, [{ field: 'input.code', message: CODE_NOT_RIGHT }]);
}

function checkedInMessage(ctx: RegisterContext): string {
  const part = ctx.partCount > 1 ? `, part ${ctx.partNumber} of ${ctx.partCount}` : '';
  return `You're checked in to ${ctx.session.course.title}${part}, ${formatLondonRange(ctx.part.startsAt, ctx.part.endsAt)}.`;
}
