import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import {
  BookingStatus,
  DomainError,
  ErrorCode,
  PersonStatus,
  SessionStatus,
  UNBOOKABLE_ACCOUNTS,
  formatLondonDate,
  holdsPlace,
  isActive,
  newBookingStatus,
  personStatusLabels,
  sessionBookingRefusal,
  courseBookingRefusal,
} from '@lh/domain';
import { requireCoordinator } from '../common/access';
import { Clock } from '../common/clock';
import type { Viewer } from '../common/viewer';
import { Person } from '../people/person.entity';
import type { Session } from '../scheduling/session.entity';
import { Booking } from './booking.entity';
import { BookingChanges } from './booking-changes';
import { BookingMailer } from './booking-mailer';
import { BookingQueries, bookingNotFound } from './booking-queries.service';
import { BookingRepository } from './booking.repository';
import { applyStatus } from './apply-status';
import type { BookingType, SessionRosterType } from './booking.types';
import type { AddPersonToSessionInput } from './dto/add-person.input';
import type { ChangeCapacityInput } from './dto/change-capacity.input';
import { WaitingListService } from './waiting-list.service';

/**
 * What the training team does with the bookings of one session: add a person, confirm someone by
 * hand, change capacity and automatic offers, move a booking to another date, send joining
 * instructions, and tell everyone booked when the session changes. Coordinators only; every change
 * in one transaction holding the session lock.
 */
@Injectable()
export class SessionBookingsService {
  constructor(
    private readonly em: EntityManager,
    private readonly repo: BookingRepository,
    private readonly changes: BookingChanges,
    private readonly waitingList: WaitingListService,
    private readonly mailer: BookingMailer,
    private readonly queries: BookingQueries,
    private readonly clock: Clock,
  ) {}

  /** Adds a person to a session, bypassing eligibility and the one-per-course rule, never capacity. */
  async addPerson(viewer: Viewer, input: AddPersonToSessionInput, now = this.clock.now()): Promise<BookingType> {
    requireCoordinator(viewer);
    const id = await this.em.fork().transactional(async (em) => {
      const person = await em.findOne(Person, { email: input.personEmail });
      if (!person) {
        throw new DomainError(ErrorCode.NotFound, `Nobody with the email address ${input.personEmail} has an account.`, [
          { field: 'input.personEmail', message: `Nobody with the email address ${input.personEmail} has an account` },
        ]);
      }
      if (UNBOOKABLE_ACCOUNTS.includes(person.status)) {
        throw new DomainError(
          ErrorCode.NotAllowed,
          `${person.name} cannot be booked: their account is ${personStatusLabels[person.status as PersonStatus].toLowerCase()}.`,
        );
      }
      await this.repo.lockPerson(em, person.id);
      const session = await this.repo.lockSession(em, input.sessionId);
      if (session.status === SessionStatus.CANCELLED) {
        throw new DomainError(ErrorCode.SessionCancelled, 'This session has been cancelled.');
      }
      const unpublished = courseBookingRefusal(session.course.status);
      if (unpublished) {
        throw new DomainError(unpublished.code, unpublished.message);
      }
      if (await this.repo.liveOnSession(em, session.id, person.id)) {
        throw new DomainError(ErrorCode.AlreadyBooked, `${person.name} already has a booking on this session.`);
      }
      const counts = await this.repo.placeCounts(em, session.id);
      const status = newBookingStatus({
        capacity: session.capacity,
        placesHeld: counts.held,
        waiting: counts.waiting,
        needsApproval: false,
        jumpQueue: true,
      });
      const booking = em.create(Booking, { session, person, agency: person.agency ?? null, status, createdAt: now });
      if (status === BookingStatus.WAITLISTED) {
        booking.waitlistedAt = this.repo.nextInQueue(counts, now);
      }
      applyStatus(booking, status, now, session);
      const actor = this.changes.actor(em, viewer);
      await this.changes.changed(em, booking, { action: 'added-by-coordinator', from: null, actor, reason: input.reason, at: now });
      return booking.id;
    });
    return this.queries.booking(viewer, id);
  }

  /** Confirms someone from the waiting list (or an offer or approval) by hand, if a place is free. */
  async promote(viewer: Viewer, bookingId: string, now = this.clock.now()): Promise<BookingType> {
    requireCoordinator(viewer);
    await this.em.fork().transactional(async (em) => {
      const booking = await this.lockBooking(em, bookingId);
      const from = booking.status;
      if (from !== BookingStatus.WAITLISTED && from !== BookingStatus.OFFERED && from !== BookingStatus.PENDING_APPROVAL) {
        throw new DomainError(ErrorCode.InvalidTransition, 'Only people waiting, offered a place or awaiting approval can be confirmed.');
      }
      if (from === BookingStatus.WAITLISTED) {
        const counts = await this.repo.placeCounts(em, booking.session.id);
        if (counts.held >= booking.session.capacity) {
          throw new DomainError(ErrorCode.SessionFull, 'The session is full. Raise its capacity or cancel a booking first.');
        }
      }
      booking.offerExpiresAt = null;
      applyStatus(booking, BookingStatus.CONFIRMED, now, booking.session);
      const actor = this.changes.actor(em, viewer);
      await this.changes.changed(
        em,
        booking,
        { action: 'confirmed-by-coordinator', from, actor, at: now },
        from === BookingStatus.PENDING_APPROVAL ? { decidedBy: 'training-team' } : {},
      );
    });
    return this.queries.booking(viewer, bookingId);
  }

  /** Changes capacity; never below the places already held. Raising it offers places to the waiting list. */
  async changeCapacity(viewer: Viewer, input: ChangeCapacityInput, now = this.clock.now()): Promise<SessionRosterType> {
    requireCoordinator(viewer);
    await this.em.fork().transactional(async (em) => {
      const session = await this.repo.lockSession(em, input.sessionId);
      refuseCancelled(session);
      const counts = await this.repo.placeCounts(em, session.id);
      if (input.capacity < counts.held) {
        throw new DomainError(
          ErrorCode.CapacityBelowConfirmed,
          `Capacity cannot be less than the ${counts.held} places already taken or held. Cancel or move bookings first.`,
          [{ field: 'input.capacity', message: `Capacity must be at least ${counts.held}` }],
        );
      }
      session.capacity = input.capacity;
      await this.waitingList.fillFreedPlaces(em, session, now);
      await em.flush();
    });
    return this.queries.roster(viewer, input.sessionId);
  }

  async setAutoOffer(viewer: Viewer, sessionId: string, auto: boolean, now = this.clock.now()): Promise<SessionRosterType> {
    requireCoordinator(viewer);
    await this.em.fork().transactional(async (em) => {
      const session = await this.repo.lockSession(em, sessionId);
      refuseCancelled(session);
      await this.applyAutoOffer(em, session, auto, now);
    });
    return this.queries.roster(viewer, sessionId);
  }

  /**
   * Sets whether freed places are offered automatically, inside the caller's transaction with the
   * session locked: turning it on offers the places free now.
   */
  async applyAutoOffer(em: EntityManager, session: Session, auto: boolean, now: Date): Promise<void> {
    session.autoOfferWaitlist = auto;
    await em.flush();
    if (auto) {
      await this.waitingList.fillFreedPlaces(em, session, now);
    }
    await em.flush();
  }

  /**
   * Tells everyone with a live booking that the session changed (new date, times, venue or link):
   * updated invites with the same UIDs and a higher SEQUENCE, reminders moved. Call inside the
   * transaction that made the change, with sentences describing it.
   */
  async sessionChanged(em: EntityManager, sessionId: string, changes: string[], now = this.clock.now()): Promise<void> {
    if (!changes.length) {
      return;
    }
    const session = await this.repo.lockSession(em, sessionId);
    for (const booking of await this.repo.liveOnSessionAll(em, session)) {
      booking.session = session;
      this.changes.record(em, booking, {
        action: 'session-changed',
        from: booking.status,
        actor: null,
        reason: changes.join(' '),
        at: now,
      });
      await this.mailer.sessionChanged(em, booking, changes, now);
    }
    await em.flush();
  }

  /** Emails the session's joining instructions to everyone confirmed; returns how many were sent. */
  async sendJoiningInstructions(viewer: Viewer, sessionId: string): Promise<number> {
    requireCoordinator(viewer);
    return this.em.fork().transactional(async (em) => {
      const session = await this.repo.lockSession(em, sessionId);
      refuseCancelled(session);
      if (!session.joiningInstructions?.trim()) {
        throw new DomainError(ErrorCode.BadUserInput, 'This session has no joining instructions yet: add them by editing the session.');
      }
      const confirmed = await this.repo.liveOnSessionAll(em, session, [BookingStatus.CONFIRMED]);
      for (const booking of confirmed) {
        booking.session = session;
        await this.mailer.joiningInstructions(em, booking);
      }
      return confirmed.length;
    });
  }

  /** Moves a person's live booking to another session (never late; the old place passes to the waiting list). */
  async moveBooking(viewer: Viewer, bookingId: string, toSessionId: string, reason: string, now = this.clock.now()): Promise<BookingType> {
    requireCoordinator(viewer);
    const newId = await this.em.fork().transactional(async (em) => {
      const found = await this.repo.findOwnerAndSession(em, bookingId);
      if (!found) {
        throw bookingNotFound();
      }
      if (found.session.id === toSessionId) {
        throw new DomainError(ErrorCode.InvalidTransition, 'The person is already on that session.');
      }
      // lock both sessions in a fixed order so two moves the other way round cannot deadlock
      const [firstId, secondId] = [found.session.id, toSessionId].sort();
      const first = await this.repo.lockSession(em, firstId!);
      const second = await this.repo.lockSession(em, secondId!);
      const from = first.id === found.session.id ? first : second;
      const to = first.id === toSessionId ? first : second;
      const booking = await this.repo.reloadUnderLock(em, bookingId, from);
      if (!isActive(booking.status)) {
        throw new DomainError(ErrorCode.InvalidTransition, 'Only a live booking can be moved.');
      }
      const refusal = sessionBookingRefusal({ ...to, bookingOpensAt: null, bookingClosesAt: null }, now);
      if (refusal) {
        throw new DomainError(refusal.code, refusal.message);
      }
      if (await this.repo.liveOnSession(em, to.id, booking.person.id)) {
        throw new DomainError(ErrorCode.AlreadyBooked, `${booking.person.name} already has a booking on that session.`);
      }
      const counts = await this.repo.placeCounts(em, to.id);
      if (counts.held >= to.capacity) {
        throw new DomainError(ErrorCode.SessionFull, 'That session is full. Raise its capacity first, or choose another date.');
      }
      const actor = this.changes.actor(em, viewer);
      const fromStatus = booking.status;
      booking.status = BookingStatus.CANCELLED;
      booking.cancelledAt = now;
      booking.offerExpiresAt = null;
      booking.approvalExpiresAt = null;
      const movedTo = `Moved to ${formatLondonDate(to.startsAt)}. ${reason}`;
      // one mail for the move (below), not a cancellation and a confirmation
      await this.changes.changed(em, booking, { action: 'moved-out', from: fromStatus, actor, reason: movedTo, at: now }, { silent: true });
      const moved = em.create(Booking, {
        session: to,
        person: booking.person,
        agency: booking.agency ?? null,
        status: BookingStatus.CONFIRMED,
        accessNeeds: booking.accessNeeds ?? null,
        dietaryNeeds: booking.dietaryNeeds ?? null,
        managerEmail: booking.managerEmail ?? null,
        createdAt: now,
      });
      const movedFrom = `Moved from ${formatLondonDate(from.startsAt)}. ${reason}`;
      await this.changes.changed(em, moved, { action: 'moved-in', from: null, actor, reason: movedFrom, at: now }, { silent: true });
      await this.mailer.moved(em, booking, fromStatus, moved, reason || null, now);
      if (holdsPlace(fromStatus)) {
        await this.waitingList.fillFreedPlaces(em, from, now);
      }
      await em.flush();
      return moved.id;
    });
    return this.queries.booking(viewer, newId);
  }

  /** Any booking (coordinators only reach here), with its session locked. */
  private async lockBooking(em: EntityManager, bookingId: string): Promise<Booking> {
    const found = await this.repo.findOwnerAndSession(em, bookingId);
    if (!found) {
      throw bookingNotFound();
    }
    const session = await this.repo.lockSession(em, found.session.id);
    return this.repo.reloadUnderLock(em, bookingId, session);
  }
}

/** A cancelled session's places and mail are over: changes to them cannot succeed. */
function refuseCancelled(session: Session): void {
  if (session.status === SessionStatus.CANCELLED) {
    throw new DomainError(ErrorCode.SessionCancelled, 'This session has been cancelled: its places can no longer be changed.');
  }
}
