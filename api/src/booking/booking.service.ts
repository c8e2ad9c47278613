import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { JobsService } from '../jobs/jobs.service';
import { EntityManager } from '@mikro-orm/postgresql';
import {
  ACTIVE_BOOKING,
  BookingStatus,
  DomainError,
  ErrorCode,
  PLACE_HOLDING,
  Role,
  SessionStatus,
  bookingStatusLabels,
  cancellationDeadline,
  eligibilityRefusal,
  formatLondonDate,
  holdsPlace,
  isActive,
  isLateCancellation,
  newBookingStatus,
  offerExpiry,
  placesLeft,
  sessionBookingRefusal,
} from '@lh/domain';
import { hasRole, type Viewer } from '../common/viewer';
import { Person } from '../people/person.entity';
import { Session } from '../scheduling/session.entity';
import { Booking } from './booking.entity';
import { BookingEvent } from './booking-event.entity';
import { APPROVAL_TOKEN_PURPOSE, BookingMailer, type ChangeContext } from './booking-mailer';
import { verifyToken } from '../common/signed-token';
import { APP_CONFIG, type AppConfig } from '../config/config';
import type { BookSessionInput } from './dto/book-session.input';
import type { AddPersonToSessionInput } from './dto/add-person.input';
import type { ChangeCapacityInput } from './dto/change-capacity.input';
import {
  ApprovalRequestType,
  BookingSessionType,
  BookingType,
  MyBookingsType,
  MyCourseBookingType,
  ProgrammeSessionType,
  SessionRosterType,
} from './booking.types';

const notFound = () => new DomainError(ErrorCode.NotFound, 'There is no booking with that id, or it is not yours.');
const DAY = 86_400_000;

export const EXPIRE_HOLDS_QUEUE = 'booking-expire-holds';

/** How long a place is held while the line manager decides (never past the day before the session). */
export const APPROVAL_HOLD_DAYS = 5;

/**
 * Bookings: places, waiting lists with timed offers, cancellations. Every change runs in a transaction
 * that first locks the session row (and, for new bookings, the person row), so capacity is checked
 * against committed counts and concurrent requests queue up instead of overbooking.
 */
@Injectable()
export class BookingService implements OnModuleInit {
  constructor(
    private readonly em: EntityManager,
    private readonly mailer: BookingMailer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jobs: JobsService,
  ) {}

  /** Offers and approval requests that run out of time are ended, and their places passed on, every minute. */
  onModuleInit(): void {
    this.jobs.work(EXPIRE_HOLDS_QUEUE, () => this.expireHolds().then(() => undefined), { policy: 'short', runOnStart: true });
    this.jobs.schedule(EXPIRE_HOLDS_QUEUE, '* * * * *');
  }

  // ---- practitioner ------------------------------------------------------------------------

  async book(viewer: Viewer, input: BookSessionInput, now = new Date()): Promise<BookingType> {
    const id = await this.em.fork().transactional(async (em) => {
      await em.execute('select id from person where id = ? for update', [viewer.id]);
      const session = await this.lockSession(em, input.sessionId);

      if (input.idempotencyKey) {
        const earlier = await em.findOne(Booking, { person: viewer.id, idempotencyKey: input.idempotencyKey });
        if (earlier) {
          if (earlier.session.id !== session.id) {
            throw new DomainError(ErrorCode.IdempotencyConflict, 'This request key was already used for another session.');
          }
          return earlier.id;
        }
      }

      const refusal = sessionBookingRefusal(session, now);
      if (refusal) throw new DomainError(refusal.code, refusal.message);

      const person = await em.findOneOrFail(Person, viewer.id, { populate: ['agency'] });
      await this.refuseSecondBooking(em, person, session);

      const course = session.course;
      const prerequisite = course.prerequisite
        ? { title: course.prerequisite.title, met: await this.hasCompleted(em, person.id, course.prerequisite.id, now) }
        : null;
      const ineligible = eligibilityRefusal({
        audience: { agencyIds: course.audienceAgencyIds, sectors: course.audienceSectors, roles: course.audienceRoles },
        person: { agencyId: person.agency?.id ?? null, sector: person.agency?.sector ?? null, roles: person.roles },
        prerequisite,
      });
      if (ineligible) throw new DomainError(ineligible.code, ineligible.message);

      const needsApproval = course.requiresApproval && !person.agency?.approvalExempt;
      if (needsApproval && !input.managerEmail) {
        throw new DomainError(
          ErrorCode.ManagerEmailRequired,
          "This course needs your line manager's approval: enter their email address.",
          [{ field: 'input.managerEmail', message: "Enter your line manager's email address" }],
        );
      }

      const counts = await this.counts(em, session.id);
      const status = newBookingStatus({ capacity: session.capacity, placesHeld: counts.held, waiting: counts.waiting, needsApproval });
      const booking = em.create(Booking, {
        session,
        person,
        status,
        accessNeeds: input.accessNeeds ?? null,
        dietaryNeeds: input.dietaryNeeds ?? null,
        managerEmail: needsApproval ? input.managerEmail!.toLowerCase() : null,
        idempotencyKey: input.idempotencyKey ?? null,
        createdAt: now,
      });
      if (status === BookingStatus.WAITLISTED) booking.waitlistedAt = await this.nextInQueue(em, session.id);
      this.applyStatus(booking, status, now, session);
      await this.changed(em, booking, person, 'booked', null, null, now, { byThemselves: true });
      return booking.id;
    });
    return this.view(viewer, id, now);
  }

  /** Cancel a booking or leave the waiting list. Late if after the course's cut-off. */
  async cancel(viewer: Viewer, bookingId: string, reason: string | null, now = new Date()): Promise<BookingType> {
    await this.em.fork().transactional(async (em) => {
      const booking = await this.lockBooking(em, viewer, bookingId);
      if (!isActive(booking.status)) {
        throw new DomainError(ErrorCode.InvalidTransition, 'This booking is already cancelled or closed.');
      }
      const session = booking.session;
      const from = booking.status;
      const late =
        from === BookingStatus.CONFIRMED && isLateCancellation(now, session.startsAt, session.course.cancellationCutoffWorkingDays);
      booking.status = BookingStatus.CANCELLED;
      booking.cancelledAt = now;
      booking.lateCancellation = late;
      booking.offerExpiresAt = null;
      const action = from === BookingStatus.WAITLISTED ? 'left-waiting-list' : late ? 'cancelled-late' : 'cancelled';
      await this.changed(em, booking, await this.actor(em, viewer), action, from, reason, now, {
        byThemselves: booking.person.id === viewer.id,
      });
      if (holdsPlace(from)) await this.fillFreedPlaces(em, session, now);
      await em.flush();
    });
    return this.view(viewer, bookingId, now);
  }

  async acceptOffer(viewer: Viewer, bookingId: string, now = new Date()): Promise<BookingType> {
    await this.em.fork().transactional(async (em) => {
      const booking = await this.lockBooking(em, viewer, bookingId, { ownOnly: true });
      if (booking.status !== BookingStatus.OFFERED) {
        throw new DomainError(ErrorCode.InvalidTransition, 'There is no place on offer for this booking.');
      }
      if (!booking.offerExpiresAt || booking.offerExpiresAt.getTime() <= now.getTime()) {
        throw new DomainError(ErrorCode.OfferExpired, 'Sorry, this offer has expired and the place has been offered to the next person.');
      }
      const person = await em.findOneOrFail(Person, booking.person.id, { populate: ['agency'] });
      const needsApproval = booking.session.course.requiresApproval && !person.agency?.approvalExempt && !!booking.managerEmail;
      const to = needsApproval ? BookingStatus.PENDING_APPROVAL : BookingStatus.CONFIRMED;
      booking.status = to;
      booking.offerExpiresAt = null;
      this.applyStatus(booking, to, now, booking.session);
      await this.changed(em, booking, person, 'offer-accepted', BookingStatus.OFFERED, null, now, { byThemselves: true });
    });
    return this.view(viewer, bookingId, now);
  }

  async declineOffer(viewer: Viewer, bookingId: string, now = new Date()): Promise<BookingType> {
    await this.em.fork().transactional(async (em) => {
      const booking = await this.lockBooking(em, viewer, bookingId, { ownOnly: true });
      if (booking.status !== BookingStatus.OFFERED) {
        throw new DomainError(ErrorCode.InvalidTransition, 'There is no place on offer for this booking.');
      }
      booking.status = BookingStatus.CANCELLED;
      booking.cancelledAt = now;
      booking.offerExpiresAt = null;
      await this.changed(em, booking, await this.actor(em, viewer), 'offer-declined', BookingStatus.OFFERED, null, now, {
        byThemselves: true,
      });
      await this.fillFreedPlaces(em, booking.session, now);
      await em.flush();
    });
    return this.view(viewer, bookingId, now);
  }

  async myBookings(viewer: Viewer, now = new Date()): Promise<MyBookingsType> {
    const em = this.em.fork();
    const bookings = await em.find(
      Booking,
      { person: viewer.id },
      {
        populate: ['session.course', 'session.parts', 'session.venue', 'person.agency', 'events.actor'],
        orderBy: { session: { startsAt: 'asc' } },
      },
    );
    const positions = await this.waitlistPositions(em, bookings);
    const views = bookings.map((b) => this.toType(b, positions.get(b.id) ?? null));
    const upcoming = views.filter((b) => isActive(b.status) && b.session.endsAt.getTime() > now.getTime());
    const past = views.filter((b) => !upcoming.includes(b)).reverse();
    return { upcoming, past };
  }

  /** The viewer's live booking on each of these courses (for "you are booked" on catalogue pages). */
  async liveBookingsOnCourses(viewer: Viewer, courseIds: readonly string[]): Promise<Map<string, MyCourseBookingType>> {
    const em = this.em.fork();
    const live = await em.find(
      Booking,
      {
        person: viewer.id,
        status: { $in: [...ACTIVE_BOOKING] },
        session: { course: { $in: [...courseIds] }, endsAt: { $gt: new Date() } },
      },
      { populate: ['session'] },
    );
    const positions = await this.waitlistPositions(em, live);
    return new Map(
      live.map((b) => [
        b.session.course.id,
        {
          id: b.id,
          status: b.status,
          sessionId: b.session.id,
          startsAt: b.session.startsAt,
          waitlistPosition: positions.get(b.id) ?? null,
        },
      ]),
    );
  }

  async booking(viewer: Viewer, bookingId: string, now = new Date()): Promise<BookingType> {
    return this.view(viewer, bookingId, now);
  }

  // ---- coordinator -------------------------------------------------------------------------

  async roster(viewer: Viewer, sessionId: string): Promise<SessionRosterType> {
    this.requireCoordinator(viewer);
    const em = this.em.fork();
    const session = await em.findOne(Session, { id: sessionId }, { populate: ['course', 'parts', 'venue'] });
    if (!session) throw new DomainError(ErrorCode.NotFound, 'There is no session with that id.');
    const bookings = await em.find(
      Booking,
      { session },
      { populate: ['person.agency', 'events.actor'], orderBy: { waitlistedAt: 'asc', createdAt: 'asc', id: 'asc' } },
    );
    const positions = await this.waitlistPositions(em, bookings);
    const views = bookings.map((b) => this.toType(b, positions.get(b.id) ?? null));
    const by = (...s: BookingStatus[]) => views.filter((v) => s.includes(v.status));
    const held = bookings.filter((b) => holdsPlace(b.status)).length;
    return {
      sessionId: session.id,
      session: this.sessionType(session),
      capacity: session.capacity,
      placesLeft: placesLeft(session.capacity, held),
      autoOfferWaitlist: session.autoOfferWaitlist,
      confirmed: by(BookingStatus.CONFIRMED),
      pending: by(BookingStatus.PENDING_APPROVAL, BookingStatus.OFFERED),
      waiting: by(BookingStatus.WAITLISTED).sort((a, b) => (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0)),
      cancelled: by(BookingStatus.CANCELLED, BookingStatus.DECLINED, BookingStatus.EXPIRED),
    };
  }

  /** Sessions from `from` on (default: today), soonest first, with their numbers. */
  async programme(viewer: Viewer, opts: { from?: Date; to?: Date }, now = new Date()): Promise<ProgrammeSessionType[]> {
    this.requireCoordinator(viewer);
    const em = this.em.fork();
    const from = opts.from ?? new Date(now.getTime() - DAY);
    const sessions = await em.find(
      Session,
      { startsAt: { $gte: from, ...(opts.to ? { $lt: opts.to } : {}) } },
      { populate: ['course', 'parts', 'venue'], orderBy: { startsAt: 'asc' }, limit: 500 },
    );
    if (!sessions.length) return [];
    const rows = await em.execute<{ session_id: string; status: BookingStatus; n: string }[]>(
      'select session_id, status, count(*) as n from booking where session_id in (?) group by session_id, status',
      [sessions.map((s) => s.id)],
    );
    const count = (id: string, ...st: BookingStatus[]) =>
      rows.filter((r) => r.session_id === id && st.includes(r.status)).reduce((sum, r) => sum + Number(r.n), 0);
    return sessions.map((s) => {
      const confirmed = count(s.id, BookingStatus.CONFIRMED);
      const pending = count(s.id, BookingStatus.OFFERED, BookingStatus.PENDING_APPROVAL);
      return {
        session: this.sessionType(s),
        capacity: s.capacity,
        confirmed,
        pending,
        waiting: count(s.id, BookingStatus.WAITLISTED),
        placesLeft: placesLeft(s.capacity, confirmed + pending),
      };
    });
  }

  /** Adds a person to a session, bypassing eligibility and the one-per-course rule, never capacity. */
  async addPerson(viewer: Viewer, input: AddPersonToSessionInput, now = new Date()): Promise<BookingType> {
    this.requireCoordinator(viewer);
    const id = await this.em.fork().transactional(async (em) => {
      const person = await em.findOne(Person, { email: input.personEmail });
      if (!person) {
        throw new DomainError(ErrorCode.NotFound, `Nobody with the email address ${input.personEmail} has an account.`, [
          { field: 'input.personEmail', message: `Nobody with the email address ${input.personEmail} has an account` },
        ]);
      }
      await em.execute('select id from person where id = ? for update', [person.id]);
      const session = await this.lockSession(em, input.sessionId);
      if (session.status === SessionStatus.CANCELLED) {
        throw new DomainError(ErrorCode.SessionCancelled, 'This session has been cancelled.');
      }
      const here = await em.findOne(Booking, { session, person, status: { $in: [...ACTIVE_BOOKING] } });
      if (here) throw new DomainError(ErrorCode.AlreadyBooked, `${person.name} already has a booking on this session.`);
      const counts = await this.counts(em, session.id);
      const status = newBookingStatus({
        capacity: session.capacity,
        placesHeld: counts.held,
        waiting: counts.waiting,
        needsApproval: false,
        jumpQueue: true,
      });
      const booking = em.create(Booking, { session, person, status, createdAt: now });
      if (status === BookingStatus.WAITLISTED) booking.waitlistedAt = await this.nextInQueue(em, session.id);
      this.applyStatus(booking, status, now, session);
      await this.changed(em, booking, await this.actor(em, viewer), 'added-by-coordinator', null, input.reason, now);
      return booking.id;
    });
    return this.view(viewer, id, now);
  }

  /** Confirms someone from the waiting list (or an offer/approval) by hand, if a place is free. */
  async promote(viewer: Viewer, bookingId: string, now = new Date()): Promise<BookingType> {
    this.requireCoordinator(viewer);
    await this.em.fork().transactional(async (em) => {
      const booking = await this.lockBooking(em, viewer, bookingId);
      const from = booking.status;
      if (from !== BookingStatus.WAITLISTED && from !== BookingStatus.OFFERED && from !== BookingStatus.PENDING_APPROVAL) {
        throw new DomainError(ErrorCode.InvalidTransition, 'Only people waiting, offered a place or awaiting approval can be confirmed.');
      }
      if (from === BookingStatus.WAITLISTED) {
        const counts = await this.counts(em, booking.session.id);
        if (counts.held >= booking.session.capacity) {
          throw new DomainError(ErrorCode.SessionFull, 'The session is full. Raise its capacity or cancel a booking first.');
        }
      }
      booking.status = BookingStatus.CONFIRMED;
      booking.offerExpiresAt = null;
      this.applyStatus(booking, BookingStatus.CONFIRMED, now, booking.session);
      await this.changed(em, booking, await this.actor(em, viewer), 'confirmed-by-coordinator', from, null, now);
    });
    return this.view(viewer, bookingId, now);
  }

  /** Changes capacity; never below the places already held. Raising it offers places to the waiting list. */
  async changeCapacity(viewer: Viewer, input: ChangeCapacityInput, now = new Date()): Promise<SessionRosterType> {
    this.requireCoordinator(viewer);
    await this.em.fork().transactional(async (em) => {
      const session = await this.lockSession(em, input.sessionId);
      const counts = await this.counts(em, session.id);
      if (input.capacity < counts.held) {
        throw new DomainError(
          ErrorCode.CapacityBelowConfirmed,
          `Capacity cannot be less than the ${counts.held} places already taken or held. Cancel or move bookings first.`,
          [{ field: 'input.capacity', message: `Capacity must be at least ${counts.held}` }],
        );
      }
      session.capacity = input.capacity;
      await em.flush();
      await this.fillFreedPlaces(em, session, now);
      await em.flush();
    });
    return this.roster(viewer, input.sessionId);
  }

  async setAutoOffer(viewer: Viewer, sessionId: string, auto: boolean, now = new Date()): Promise<SessionRosterType> {
    this.requireCoordinator(viewer);
    await this.em.fork().transactional(async (em) => {
      const session = await this.lockSession(em, sessionId);
      session.autoOfferWaitlist = auto;
      await em.flush();
      if (auto) await this.fillFreedPlaces(em, session, now);
      await em.flush();
    });
    return this.roster(viewer, sessionId);
  }

  /**
   * Tells everyone with a live booking that the session changed (new date, times, venue or link):
   * updated invites with the same UIDs and a higher SEQUENCE, reminders moved. Call inside the
   * transaction that made the change, with sentences describing it.
   */
  async sessionChanged(em: EntityManager, sessionId: string, changes: string[]): Promise<void> {
    if (!changes.length) return;
    const session = await em.findOneOrFail(Session, sessionId, { populate: ['course', 'parts', 'venue'], refresh: true });
    const live = await em.find(Booking, { session, status: { $in: [...ACTIVE_BOOKING] } }, { populate: ['person.agency'] });
    for (const booking of live) {
      booking.session = session;
      this.record(em, booking, null, 'session-changed', booking.status, booking.status, changes.join(' '), new Date());
      await this.mailer.sessionChanged(em, booking, changes);
    }
    await em.flush();
  }

  /** Emails the session's joining instructions to everyone confirmed; returns how many were sent. */
  async sendJoiningInstructions(viewer: Viewer, sessionId: string): Promise<number> {
    this.requireCoordinator(viewer);
    return this.em.fork().transactional(async (em) => {
      const session = await this.lockSession(em, sessionId);
      if (!session.joiningInstructions?.trim()) {
        throw new DomainError(ErrorCode.BadUserInput, 'This session has no joining instructions yet: add them by editing the session.');
      }
      const confirmed = await em.find(Booking, { session, status: BookingStatus.CONFIRMED }, { populate: ['person.agency'] });
      for (const booking of confirmed) {
        booking.session = session;
        await this.mailer.joiningInstructions(em, booking);
      }
      return confirmed.length;
    });
  }

  /** Cancels a whole session: every live booking is cancelled (never late) and told, with other dates of the course. */
  async cancelSession(viewer: Viewer, sessionId: string, reason: string, now = new Date()): Promise<SessionRosterType> {
    this.requireCoordinator(viewer);
    await this.em.fork().transactional(async (em) => {
      const session = await this.lockSession(em, sessionId);
      if (session.status === SessionStatus.CANCELLED) {
        throw new DomainError(ErrorCode.SessionCancelled, 'This session is already cancelled.');
      }
      session.status = SessionStatus.CANCELLED;
      const others = await em.find(
        Session,
        { course: session.course, status: SessionStatus.SCHEDULED, startsAt: { $gt: now }, id: { $ne: session.id } },
        { orderBy: { startsAt: 'asc' }, limit: 5 },
      );
      const otherDates = others.length
        ? ` Other dates for this course: ${others.map((o) => formatLondonDate(o.startsAt)).join('; ')}.`
        : ' There are no other dates planned yet.';
      const live = await em.find(Booking, { session, status: { $in: [...ACTIVE_BOOKING] } }, { populate: ['person.agency'] });
      const actor = await this.actor(em, viewer);
      for (const booking of live) {
        const from = booking.status;
        booking.session = session;
        booking.status = BookingStatus.CANCELLED;
        booking.cancelledAt = now;
        booking.offerExpiresAt = null;
        booking.approvalExpiresAt = null;
        await this.changed(em, booking, actor, 'session-cancelled', from, reason, now, { silent: true });
        await this.mailer.sessionCancelled(em, booking, from === BookingStatus.CONFIRMED, `${reason}.${otherDates}`.replace(/\.\./, '.'));
      }
      await em.flush();
    });
    return this.roster(viewer, sessionId);
  }

  /** Moves a person's live booking to another session (never late; the old place passes to the waiting list). */
  async moveBooking(viewer: Viewer, bookingId: string, toSessionId: string, reason: string, now = new Date()): Promise<BookingType> {
    this.requireCoordinator(viewer);
    const newId = await this.em.fork().transactional(async (em) => {
      const found = /^[0-9a-f-]{36}$/i.test(bookingId) ? await em.findOne(Booking, bookingId, { fields: ['id', 'session'] }) : null;
      if (!found) throw notFound();
      if (found.session.id === toSessionId) throw new DomainError(ErrorCode.InvalidTransition, 'The person is already on that session.');
      // lock both sessions in a fixed order so two moves the other way round cannot deadlock
      const [firstId, secondId] = [found.session.id, toSessionId].sort();
      const first = await this.lockSession(em, firstId!);
      const second = await this.lockSession(em, secondId!);
      const from = first.id === found.session.id ? first : second;
      const to = first.id === toSessionId ? first : second;
      const booking = await em.findOneOrFail(Booking, bookingId, { refresh: true, populate: ['person.agency'] });
      booking.session = from;
      if (!isActive(booking.status)) throw new DomainError(ErrorCode.InvalidTransition, 'Only a live booking can be moved.');
      const refusal = sessionBookingRefusal({ ...to, bookingOpensAt: null, bookingClosesAt: null }, now);
      if (refusal) throw new DomainError(refusal.code, refusal.message);
      const existing = await em.findOne(Booking, { session: to, person: booking.person, status: { $in: [...ACTIVE_BOOKING] } });
      if (existing) throw new DomainError(ErrorCode.AlreadyBooked, `${booking.person.name} already has a booking on that session.`);
      const counts = await this.counts(em, to.id);
      if (counts.held >= to.capacity) {
        throw new DomainError(ErrorCode.SessionFull, 'That session is full. Raise its capacity first, or choose another date.');
      }
      const actor = await this.actor(em, viewer);
      const fromStatus = booking.status;
      booking.status = BookingStatus.CANCELLED;
      booking.cancelledAt = now;
      booking.offerExpiresAt = null;
      booking.approvalExpiresAt = null;
      await this.changed(em, booking, actor, 'moved-out', fromStatus, `Moved to ${formatLondonDate(to.startsAt)}. ${reason}`, now);
      const moved = em.create(Booking, {
        session: to,
        person: booking.person,
        status: BookingStatus.CONFIRMED,
        accessNeeds: booking.accessNeeds ?? null,
        dietaryNeeds: booking.dietaryNeeds ?? null,
        managerEmail: booking.managerEmail ?? null,
        createdAt: now,
      });
      await this.changed(em, moved, actor, 'moved-in', null, `Moved from ${formatLondonDate(from.startsAt)}. ${reason}`, now);
      if (holdsPlace(fromStatus)) await this.fillFreedPlaces(em, from, now);
      await em.flush();
      return moved.id;
    });
    return this.view(viewer, newId, now);
  }

  /** Declines a booking awaiting approval on the manager's behalf. */
  async declineOnBehalf(viewer: Viewer, bookingId: string, reason: string | null, now = new Date()): Promise<BookingType> {
    this.requireCoordinator(viewer);
    await this.em.fork().transactional(async (em) => {
      const booking = await this.lockBooking(em, viewer, bookingId);
      await this.decide(em, booking, false, reason, await this.actor(em, viewer), now);
    });
    return this.view(viewer, bookingId, now);
  }

  // ---- line manager, by signed link ---------------------------------------------------------

  /** What a manager's link is about. Works without signing in; the token is the permission. */
  async approvalRequest(token: string, now = new Date()): Promise<ApprovalRequestType> {
    const { subject } = verifyToken(this.config.appSecret, APPROVAL_TOKEN_PURPOSE, token, now);
    const booking = await this.em.fork().findOne(Booking, subject, {
      populate: ['person.agency', 'session.course', 'session.parts', 'session.venue'],
    });
    if (!booking) throw new DomainError(ErrorCode.InvalidToken, 'This link is not valid any more: the booking no longer exists.');
    return {
      bookingId: booking.id,
      status: booking.status,
      practitionerName: booking.person.name,
      practitionerJobTitle: booking.person.jobTitle ?? null,
      practitionerAgency: booking.person.agency?.name ?? null,
      managerEmail: booking.managerEmail ?? '',
      session: this.sessionType(booking.session),
      expiresAt: booking.approvalExpiresAt ?? null,
    };
  }

  /** The manager approves or declines through the link. Once decided, the link cannot decide again. */
  async decideByToken(token: string, approve: boolean, reason: string | null, now = new Date()): Promise<ApprovalRequestType> {
    const { subject } = verifyToken(this.config.appSecret, APPROVAL_TOKEN_PURPOSE, token, now);
    await this.em.fork().transactional(async (em) => {
      const found = await em.findOne(Booking, subject, { fields: ['id', 'session'] });
      if (!found) throw new DomainError(ErrorCode.InvalidToken, 'This link is not valid any more: the booking no longer exists.');
      const session = await this.lockSession(em, found.session.id);
      const booking = await em.findOneOrFail(Booking, subject, { refresh: true, populate: ['person.agency'] });
      booking.session = session;
      await this.decide(em, booking, approve, reason, null, now);
    });
    return this.approvalRequest(token, now);
  }

  private async decide(
    em: EntityManager,
    booking: Booking,
    approve: boolean,
    reason: string | null,
    actor: Person | null,
    now: Date,
  ): Promise<void> {
    if (booking.status !== BookingStatus.PENDING_APPROVAL) {
      throw new DomainError(
        ErrorCode.AlreadyDecided,
        `This booking has already been dealt with: it is now "${bookingStatusLabels[booking.status].toLowerCase()}". Nothing was changed.`,
      );
    }
    if (booking.approvalExpiresAt && booking.approvalExpiresAt.getTime() <= now.getTime()) {
      throw new DomainError(ErrorCode.TokenExpired, 'The time to decide has passed and the place was released.');
    }
    booking.status = approve ? BookingStatus.CONFIRMED : BookingStatus.DECLINED;
    booking.approvalExpiresAt = null;
    await this.changed(em, booking, actor, approve ? 'approved' : 'declined', BookingStatus.PENDING_APPROVAL, reason, now);
    if (!approve) await this.fillFreedPlaces(em, booking.session, now);
    await em.flush();
  }

  // ---- system ------------------------------------------------------------------------------

  /** Ends offers and approval requests that ran out of time and passes the places on. Run by a job. */
  async expireHolds(now = new Date()): Promise<number> {
    const due = await this.em.fork().find(
      Booking,
      {
        $or: [
          { status: BookingStatus.OFFERED, offerExpiresAt: { $lte: now } },
          { status: BookingStatus.PENDING_APPROVAL, approvalExpiresAt: { $lte: now } },
        ],
      },
      { fields: ['id', 'session'] },
    );
    let expired = 0;
    for (const sessionId of new Set(due.map((b) => b.session.id))) {
      expired += await this.em.fork().transactional(async (em) => {
        const session = await this.lockSession(em, sessionId);
        const stale = await em.find(
          Booking,
          {
            session,
            $or: [
              { status: BookingStatus.OFFERED, offerExpiresAt: { $lte: now } },
              { status: BookingStatus.PENDING_APPROVAL, approvalExpiresAt: { $lte: now } },
            ],
          },
          { populate: ['person.agency'] },
        );
        for (const b of stale) {
          const from = b.status;
          b.status = BookingStatus.EXPIRED;
          b.offerExpiresAt = null;
          b.session = session;
          await this.changed(em, b, null, from === BookingStatus.OFFERED ? 'offer-expired' : 'approval-expired', from, null, now);
        }
        await em.flush();
        await this.fillFreedPlaces(em, session, now);
        await em.flush();
        return stale.length;
      });
    }
    return expired;
  }

  // ---- internals ---------------------------------------------------------------------------

  private requireCoordinator(viewer: Viewer): void {
    if (!hasRole(viewer, Role.COORDINATOR)) throw new DomainError(ErrorCode.NotAllowed, 'Only coordinators can do this.');
  }

  /** Locks the session row for the rest of the transaction and loads it with its course. */
  private async lockSession(em: EntityManager, sessionId: string): Promise<Session> {
    const rows = /^[0-9a-f-]{36}$/i.test(sessionId) ? await em.execute('select id from session where id = ? for update', [sessionId]) : [];
    if (!rows.length) throw new DomainError(ErrorCode.NotFound, 'There is no session with that id.');
    return em.findOneOrFail(Session, sessionId, { populate: ['course.prerequisite', 'parts', 'venue'], refresh: true });
  }

  /** Loads a booking the viewer may change (their own, or any for a coordinator) and locks its session. */
  private async lockBooking(em: EntityManager, viewer: Viewer, bookingId: string, opts: { ownOnly?: boolean } = {}): Promise<Booking> {
    if (!/^[0-9a-f-]{36}$/i.test(bookingId)) throw notFound();
    const found = await em.findOne(Booking, bookingId, { fields: ['id', 'person', 'session'] });
    const mayAct = found && (found.person.id === viewer.id || (!opts.ownOnly && hasRole(viewer, Role.COORDINATOR)));
    if (!found || !mayAct) throw notFound();
    const session = await this.lockSession(em, found.session.id);
    const booking = await em.findOneOrFail(Booking, bookingId, { refresh: true, populate: ['person.agency'] });
    booking.session = session;
    return booking;
  }

  private async refuseSecondBooking(em: EntityManager, person: Person, session: Session): Promise<void> {
    const live = await em.find(
      Booking,
      { person, status: { $in: [...ACTIVE_BOOKING] }, session: { course: session.course.id } },
      { populate: ['session'] },
    );
    if (live.some((b) => b.session.id === session.id)) {
      throw new DomainError(ErrorCode.AlreadyBooked, 'You already have a booking on this session. See "Your bookings".');
    }
    const other = live.find((b) => b.session.endsAt.getTime() > Date.now());
    if (other) {
      throw new DomainError(
        ErrorCode.AlreadyBookedOnCourse,
        `You already have a booking on this course (${formatLondonDate(other.session.startsAt)}). Cancel it first, or ask the training team to change it.`,
      );
    }
  }

  /** Completed a course: a confirmed booking on one of its sessions that has ended (until registers record attendance). */
  private async hasCompleted(em: EntityManager, personId: string, courseId: string, now: Date): Promise<boolean> {
    const n = await em.count(Booking, {
      person: personId,
      status: BookingStatus.CONFIRMED,
      session: { course: courseId, endsAt: { $lte: now }, status: SessionStatus.SCHEDULED },
    });
    return n > 0;
  }

  private async counts(em: EntityManager, sessionId: string): Promise<{ held: number; waiting: number }> {
    const rows = await em.execute<{ status: BookingStatus; n: string }[]>(
      'select status, count(*) as n from booking where session_id = ? group by status',
      [sessionId],
    );
    const n = (s: readonly BookingStatus[]) => rows.filter((r) => s.includes(r.status)).reduce((sum, r) => sum + Number(r.n), 0);
    return { held: n(PLACE_HOLDING), waiting: n([BookingStatus.WAITLISTED]) };
  }

  /**
   * The queue time for someone joining a session's waiting list: strictly after everyone already in it.
   * Called with the session locked, so the queue follows the order in which requests got the lock,
   * not when they arrived (requests that arrive together would otherwise swap places after answering).
   */
  private async nextInQueue(em: EntityManager, sessionId: string): Promise<Date> {
    const [row] = await em.execute<{ last: Date | null }[]>('select max(waitlisted_at) as last from booking where session_id = ?', [
      sessionId,
    ]);
    const last = row?.last ? new Date(row.last).getTime() : 0;
    return new Date(Math.max(Date.now(), last + 1));
  }

  /** Sets the timestamps that go with a status. */
  private applyStatus(booking: Booking, status: BookingStatus, now: Date, session: Session): void {
    if (status === BookingStatus.WAITLISTED) booking.waitlistedAt ??= now;
    if (status === BookingStatus.PENDING_APPROVAL) {
      const dayBefore = session.startsAt.getTime() - DAY;
      booking.approvalExpiresAt = new Date(Math.max(now.getTime(), Math.min(now.getTime() + APPROVAL_HOLD_DAYS * DAY, dayBefore)));
    } else {
      booking.approvalExpiresAt = null;
    }
  }

  /** Offers freed places to the first people waiting, while places are free and offers are allowed. */
  private async fillFreedPlaces(em: EntityManager, session: Session, now: Date): Promise<void> {
    if (!session.autoOfferWaitlist || session.status === SessionStatus.CANCELLED) return;
    await em.flush();
    const counts = await this.counts(em, session.id);
    let free = session.capacity - counts.held;
    if (free <= 0 || counts.waiting === 0) return;
    const expiry = offerExpiry(now, session.startsAt);
    if (!expiry) return;
    const next = await em.find(
      Booking,
      { session, status: BookingStatus.WAITLISTED },
      { orderBy: { waitlistedAt: 'asc', id: 'asc' }, limit: free, populate: ['person.agency'] },
    );
    for (const b of next) {
      if (free-- <= 0) break;
      b.status = BookingStatus.OFFERED;
      b.offerExpiresAt = expiry;
      b.session = session;
      await this.changed(em, b, null, 'offered', BookingStatus.WAITLISTED, null, now);
    }
  }

  private async actor(em: EntityManager, viewer: Viewer): Promise<Person> {
    return em.getReference(Person, viewer.id);
  }

  /** Records a change in the booking's history and queues the mail that goes with it, in the same transaction. */
  private async changed(
    em: EntityManager,
    booking: Booking,
    actor: Person | null,
    action: string,
    from: BookingStatus | null,
    reason: string | null,
    at: Date,
    ctx: ChangeContext = {},
  ): Promise<void> {
    this.record(em, booking, actor, action, from, booking.status, reason, at);
    await em.flush();
    if (!ctx.silent) await this.mailer.statusChanged(em, booking, from, { reason, ...ctx });
  }

  private record(
    em: EntityManager,
    booking: Booking,
    actor: Person | null,
    action: string,
    from: BookingStatus | null,
    to: BookingStatus,
    reason: string | null,
    at: Date,
  ): void {
    em.create(BookingEvent, { booking, actor, action, fromStatus: from, toStatus: to, reason, at });
  }

  private async waitlistPositions(em: EntityManager, bookings: Booking[]): Promise<Map<string, number>> {
    const waiting = bookings.filter((b) => b.status === BookingStatus.WAITLISTED);
    if (!waiting.length) return new Map();
    const rows = await em.execute<{ id: string; position: string }[]>(
      `select id, position from (
         select id, row_number() over (partition by session_id order by waitlisted_at, id) as position
           from booking where status = ? and session_id in (?)
       ) q where id in (?)`,
      [BookingStatus.WAITLISTED, [...new Set(waiting.map((b) => b.session.id))], waiting.map((b) => b.id)],
    );
    return new Map(rows.map((r) => [r.id, Number(r.position)]));
  }

  /** One booking as the viewer may see it: their own, or any for a coordinator. */
  private async view(viewer: Viewer, bookingId: string, _now: Date): Promise<BookingType> {
    if (!/^[0-9a-f-]{36}$/i.test(bookingId)) throw notFound();
    const em = this.em.fork();
    const booking = await em.findOne(Booking, bookingId, {
      populate: ['session.course', 'session.parts', 'session.venue', 'person.agency', 'events.actor'],
    });
    if (!booking || (booking.person.id !== viewer.id && !hasRole(viewer, Role.COORDINATOR))) throw notFound();
    const positions = await this.waitlistPositions(em, [booking]);
    return this.toType(booking, positions.get(booking.id) ?? null);
  }

  private sessionType(s: Session): BookingSessionType {
    return {
      id: s.id,
      course: { id: s.course.id, title: s.course.title },
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      parts: s.parts.getItems().map((p) => ({ startsAt: p.startsAt, endsAt: p.endsAt })),
      venue: s.venue
        ? { id: s.venue.id, name: s.venue.name, address: s.venue.address, accessibilityNotes: s.venue.accessibilityNotes ?? null }
        : null,
      room: s.room ?? null,
      online: !s.venue,
      cancelled: s.status === SessionStatus.CANCELLED,
      joiningInstructions: s.joiningInstructions ?? null,
    };
  }

  private toType(b: Booking, waitlistPosition: number | null): BookingType {
    const s = b.session;
    return {
      id: b.id,
      status: b.status,
      session: this.sessionType(s),
      person: {
        id: b.person.id,
        name: b.person.name,
        email: b.person.email,
        jobTitle: b.person.jobTitle ?? null,
        agencyName: b.person.agency?.name ?? null,
      },
      accessNeeds: b.accessNeeds ?? null,
      dietaryNeeds: b.dietaryNeeds ?? null,
      managerEmail: b.managerEmail ?? null,
      waitlistPosition,
      offerExpiresAt: b.offerExpiresAt ?? null,
      approvalExpiresAt: b.approvalExpiresAt ?? null,
      cancellationDeadline:
        b.status === BookingStatus.CONFIRMED ? cancellationDeadline(s.startsAt, s.course.cancellationCutoffWorkingDays) : null,
      cancelledAt: b.cancelledAt ?? null,
      lateCancellation: b.lateCancellation,
      joinUrl: b.status === BookingStatus.CONFIRMED && s.status !== SessionStatus.CANCELLED ? (s.onlineUrl ?? null) : null,
      createdAt: b.createdAt,
      history: b.events.isInitialized()
        ? b.events.getItems().map((e) => ({
            at: e.at,
            action: e.action,
            fromStatus: e.fromStatus ?? null,
            toStatus: e.toStatus,
            actorName: e.actor?.name ?? null,
            reason: e.reason ?? null,
          }))
        : [],
    };
  }
}
