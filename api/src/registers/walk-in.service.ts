import { Injectable } from '@nestjs/common';
import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import {
  AttendanceMark,
  BookingStatus,
  CheckInRequestStatus,
  DomainError,
  ErrorCode,
  MarkSource,
  PersonStatus,
  WALK_IN_SEARCH_LIMIT,
  ACTIVE_BOOKING,
  maskEmail,
  walkInChange,
  walkInSearchProblem,
} from '@lh/domain';
import { applyStatus } from '../booking/apply-status';
import { Booking } from '../booking/booking.entity';
import { BookingChanges } from '../booking/booking-changes';
import { BookingRepository } from '../booking/booking.repository';
import { Clock } from '../common/clock';
import type { Viewer } from '../common/viewer';
import { Person } from '../people/person.entity';
import { AttendanceRepository, markKey } from './attendance.repository';
import { CheckInRequest } from './check-in-request.entity';
import type { AddWalkInInput } from './dto/walk-in.input';
import { RegisterAccess, type RegisterContext } from './register-access';
import { entryType } from './register-view';
import { RegisterService } from './register.service';
import { ACCOUNT_EXISTS_MESSAGE, WalkInAccounts } from './walk-in-accounts';
import { CheckInRequestType, WalkInCandidateType, type WalkInResultType } from './walk-in.types';

/** Accounts a walk-in can be: the ones that are in use (a closed or refused account is not added at the door). */
const ADDABLE = [PersonStatus.ACTIVE, PersonStatus.PROVISIONAL];

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Walk-ins, for the session's trainers and coordinators while the register can be marked: finding
 * someone who has an account, adding them (or someone new, who gets a provisional account) with a
 * confirmed place marked present, and the check-in requests of people who scanned the code with no place.
 * Each change runs in one transaction holding the part's lock, then the person's and the session's.
 */
@Injectable()
export class WalkInService {
  constructor(
    private readonly em: EntityManager,
    private readonly access: RegisterAccess,
    private readonly registers: RegisterService,
    private readonly repo: AttendanceRepository,
    private readonly bookings: BookingRepository,
    private readonly changes: BookingChanges,
    private readonly accounts: WalkInAccounts,
    private readonly clock: Clock,
  ) {}

  /** Up to 10 people with an account in use whose name or address contains `query`, with their booking on this session. */
  async candidates(viewer: Viewer, partId: string, query: string, now = this.clock.now()): Promise<WalkInCandidateType[]> {
    const em = this.em.fork();
    const ctx = await this.access.load(em, viewer, partId, now);
    this.refuseUnlessOpen(ctx);
    const problem = walkInSearchProblem(query);
    if (problem) {
      throw new DomainError(ErrorCode.BadUserInput, `${problem}.`, [{ field: 'query', message: problem }]);
    }
    const like = `%${escapeLike(query.trim())}%`;
    const people = await em.find(
      Person,
      { status: { $in: ADDABLE }, $or: [{ name: { $ilike: like } }, { email: { $ilike: like } }] },
      { populate: ['agency'], orderBy: { name: 'asc', email: 'asc' }, limit: WALK_IN_SEARCH_LIMIT },
    );
    const live = people.length
      ? await em.find(Booking, {
          session: ctx.session.id,
          person: { $in: people.map((p) => p.id) },
          status: { $in: [...ACTIVE_BOOKING] },
        })
      : [];
    const statusOf = new Map(live.map((b) => [b.person.id, b.status]));
    return people.map((p) =>
      Object.assign(new WalkInCandidateType(), {
        personId: p.id,
        name: p.name,
        maskedEmail: maskEmail(p.email),
        agencyName: p.agency?.name ?? null,
        bookingStatus: statusOf.get(p.id) ?? null,
      }),
    );
  }

  /**
   * Adds someone at the door: a confirmed place with `walkIn` (the session's capacity does not stop it:
   * they are in the room), or their waiting-list place, offer or pending approval confirmed; marked
   * present. A new person gets a provisional account and a mail to claim it. The same client id again
   * changes nothing; someone already on the register is refused, naming them.
   */
  async add(viewer: Viewer, input: AddWalkInInput, now = this.clock.now()): Promise<WalkInResultType> {
    if (!input.personId && !input.name && !input.email && !input.agencyId) {
      throw new DomainError(ErrorCode.BadUserInput, 'Choose someone from the search results, or enter the details of someone new.', [
        { field: 'input.personId', message: 'Choose someone from the search results, or enter the details of someone new' },
      ]);
    }
    try {
      return await this.em.fork().transactional((em) => this.addIn(em, viewer, input, now));
    } catch (e) {
      // the same new address added on two devices at the same moment: the other one made the account
      if (e instanceof UniqueConstraintViolationException && !input.personId) {
        throw new DomainError(ErrorCode.BadUserInput, `${ACCOUNT_EXISTS_MESSAGE}.`, [
          { field: 'input.email', message: ACCOUNT_EXISTS_MESSAGE },
        ]);
      }
      throw e;
    }
  }

  private async addIn(em: EntityManager, viewer: Viewer, input: AddWalkInInput, now: Date): Promise<WalkInResultType> {
    const ctx = await this.registers.lockedContext(em, viewer, input.partId, now);
    this.refuseUnlessOpen(ctx);
    const replayed = await this.replay(em, ctx, input);
    if (replayed) {
      return replayed;
    }
    const person = input.personId ? await this.existingPerson(em, input.personId) : await this.accounts.create(em, input, now);
    const newAccount = !input.personId;
    await this.bookings.lockPerson(em, person.id);
    const session = await this.bookings.lockSession(em, ctx.session.id);
    const live = await this.bookings.liveOnSession(em, session.id, person.id);
    const actor = this.changes.actor(em, viewer);
    let booking: Booking;
    switch (walkInChange(live?.status ?? null)) {
      case 'ALREADY_ON_REGISTER':
        throw new DomainError(ErrorCode.AlreadyBooked, `${person.name} is already on the register.`, [
          { field: 'input.personId', message: `${person.name} is already on the register` },
        ]);
      case 'CONVERT': {
        booking = live!;
        const from = booking.status;
        booking.offerExpiresAt = null;
        booking.walkIn = true;
        booking.agency ??= person.agency ?? null;
        applyStatus(booking, BookingStatus.CONFIRMED, now, session);
        // silent: they are in the room; a confirmation and calendar invite for a session under way would be noise
        await this.changes.changed(em, booking, { action: 'walked-in', from, actor, at: now }, { silent: true });
        break;
      }
      case 'NEW':
        booking = em.create(Booking, {
          session,
          person,
          agency: person.agency ?? null,
          status: BookingStatus.CONFIRMED,
          walkIn: true,
          createdAt: now,
        });
        await this.changes.changed(em, booking, { action: 'walked-in', from: null, actor, at: now }, { silent: true });
        break;
    }
    const current = (await this.repo.currentMarks(em, [ctx.part.id], [booking.id])).get(markKey(booking.id, ctx.part.id));
    await this.registers.record(
      em,
      viewer,
      ctx,
      current,
      { clientId: input.clientId, booking, mark: AttendanceMark.PRESENT, source: MarkSource.TRAINER },
      now,
    );
    await em.nativeUpdate(
      CheckInRequest,
      { part: ctx.part.id, person: person.id, status: CheckInRequestStatus.PENDING },
      { status: CheckInRequestStatus.ACCEPTED, decidedBy: actor, decidedAt: now },
    );
    if (newAccount) {
      await this.accounts.mailAdded(em, viewer, person, ctx, booking.id, now);
    }
    return { replayed: false, newAccount, entry: await this.entryOf(em, ctx, booking) };
  }

  /** The pending check-in requests of people with no place, oldest first (accepted and dismissed ones are not listed). */
  async requests(viewer: Viewer, partId: string, now = this.clock.now()): Promise<CheckInRequestType[]> {
    const em = this.em.fork();
    const ctx = await this.access.load(em, viewer, partId, now);
    return this.pending(em, ctx.part.id);
  }

  /** Dismisses a check-in request (the person is not added); the list of those still waiting comes back. */
  async dismiss(viewer: Viewer, requestId: string, now = this.clock.now()): Promise<CheckInRequestType[]> {
    return this.em.fork().transactional(async (em) => {
      const request = await em.findOne(CheckInRequest, requestId, { populate: ['person'] });
      if (!request) {
        throw new DomainError(ErrorCode.NotFound, 'There is no such check-in request: reload the page.');
      }
      const ctx = await this.access.load(em, viewer, request.part.id, now);
      const changed = await em.nativeUpdate(
        CheckInRequest,
        { id: request.id, status: CheckInRequestStatus.PENDING },
        { status: CheckInRequestStatus.DISMISSED, decidedBy: em.getReference(Person, viewer.id), decidedAt: now },
      );
      if (!changed) {
        throw new DomainError(ErrorCode.AlreadyDecided, `${request.person.name}'s request has already been dealt with: reload the page.`);
      }
      return this.pending(em, ctx.part.id);
    });
  }

  private async pending(em: EntityManager, partId: string): Promise<CheckInRequestType[]> {
    const rows = await em.find(
      CheckInRequest,
      { part: partId, status: CheckInRequestStatus.PENDING },
      { populate: ['person.agency'], orderBy: { requestedAt: 'asc', id: 'asc' } },
    );
    return rows.map((r) =>
      Object.assign(new CheckInRequestType(), {
        id: r.id,
        personId: r.person.id,
        name: r.person.name,
        email: r.person.email,
        agencyName: r.person.agency?.name ?? null,
        requestedAt: r.requestedAt,
      }),
    );
  }

  /** Walk-ins are added while the register is being taken, not as corrections afterwards. */
  private refuseUnlessOpen(ctx: RegisterContext): void {
    const refusal = this.access.markRefusal(ctx);
    if (refusal) {
      throw refusal;
    }
    if (this.access.isCorrection(ctx)) {
      throw new DomainError(
        ctx.signOff ? ErrorCode.RegisterSignedOff : ErrorCode.RegisterClosed,
        'Walk-ins are added while the register is being taken. To add someone now, correct the register with the training team.',
      );
    }
  }

  /** The result of a walk-in already added with this client id, or null; a client id used for someone else is refused. */
  private async replay(em: EntityManager, ctx: RegisterContext, input: AddWalkInInput): Promise<WalkInResultType | null> {
    const bookingIds = await this.repo.bookingsMarkedWith(em, input.clientId);
    if (!bookingIds.length) {
      return null;
    }
    const [booking] = await em.find(
      Booking,
      { id: { $in: bookingIds }, session: ctx.session.id, status: BookingStatus.CONFIRMED },
      { populate: ['person.agency', 'agency'] },
    );
    const same =
      booking && (input.personId ? booking.person.id === input.personId : booking.person.email === input.email?.trim().toLowerCase());
    if (!booking || !same) {
      throw new DomainError(
        ErrorCode.IdempotencyConflict,
        'That form was already used for someone else. Reload the page and add them again.',
      );
    }
    return { replayed: true, newAccount: false, entry: await this.entryOf(em, ctx, booking) };
  }

  private async existingPerson(em: EntityManager, personId: string): Promise<Person> {
    const person = await em.findOne(Person, personId, { populate: ['agency'] });
    if (!person || !ADDABLE.includes(person.status)) {
      throw new DomainError(
        ErrorCode.NotFound,
        'That person cannot be added: their account is not in use. Add them as someone new, or ask the training team.',
        [{ field: 'input.personId', message: 'That person cannot be added: their account is not in use' }],
      );
    }
    return person;
  }

  private async entryOf(em: EntityManager, ctx: RegisterContext, booking: Booking) {
    await em.populate(booking, ['person.agency', 'agency']);
    const marks = await this.repo.currentMarks(em, [ctx.part.id], [booking.id]);
    return entryType(booking, marks.get(markKey(booking.id, ctx.part.id)));
  }
}
