import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import {
  BookingStatus,
  DomainError,
  ErrorCode,
  eligibilityRefusal,
  formatLondonDate,
  holdsPlace,
  isActive,
  isLateCancellation,
  managerEmailProblem,
  needsApproval,
  newBookingStatus,
  sessionBookingRefusal,
} from '@lh/domain';
import { isOwnerOrCoordinator } from '../common/access';
import { Clock } from '../common/clock';
import type { Viewer } from '../common/viewer';
import { Person } from '../people/person.entity';
import type { Session } from '../scheduling/session.entity';
import { applyStatus } from './apply-status';
import { Booking } from './booking.entity';
import { BookingChanges } from './booking-changes';
import { BookingQueries, bookingNotFound } from './booking-queries.service';
import { toBookingType } from './booking.mapper';
import { BookingRepository } from './booking.repository';
import type { BookingType } from './booking.types';
import type { BookSessionInput } from './dto/book-session.input';
import { WaitingListService } from './waiting-list.service';

/**
 * What a practitioner does with their own bookings: book, cancel or leave the waiting list, take up or
 * turn down an offered place. Every change runs in one transaction that first locks the session row
 * (and, for a new booking, the person row), so capacity is checked against committed counts and
 * concurrent requests queue up instead of overbooking.
 */
@Injectable()
export class BookingService {
  constructor(
    private readonly em: EntityManager,
    private readonly repo: BookingRepository,
    private readonly changes: BookingChanges,
    private readonly waitingList: WaitingListService,
    private readonly queries: BookingQueries,
    private readonly clock: Clock,
  ) {}

  async book(viewer: Viewer, input: BookSessionInput, now = this.clock.now()): Promise<BookingType> {
    const made = await this.em
      .fork()
      .transactional(async (em): Promise<{ earlierId: string } | { booking: Booking; position: number | null }> => {
        // What is about the person alone is read with only their row locked; the session's lock, which every
        // booking on it waits for, is held for as few statements as possible.
        await this.repo.lockPerson(em, viewer.id);
        if (input.idempotencyKey) {
          const earlier = await em.findOne(Booking, { person: viewer.id, idempotencyKey: input.idempotencyKey });
          if (earlier) {
            if (earlier.session.id !== input.sessionId) {
              throw new DomainError(ErrorCode.IdempotencyConflict, 'This request key was already used for another session.');
            }
            return { earlierId: earlier.id };
          }
        }
        const person = await em.findOneOrFail(Person, viewer.id, { populate: ['agency'] });

        const session = await this.repo.lockSession(em, input.sessionId);
        const refusal = sessionBookingRefusal(session, now);
        if (refusal) {
          throw new DomainError(refusal.code, refusal.message);
        }
        await this.refuseSecondBooking(em, person, session, now);

        const course = session.course;
        const prerequisite = course.prerequisite
          ? { title: course.prerequisite.title, met: await this.repo.hasCompleted(em, person.id, course.prerequisite.id, now) }
          : null;
        const ineligible = eligibilityRefusal({
          audience: { agencyIds: course.audienceAgencyIds, sectors: course.audienceSectors, roles: course.audienceRoles },
          person: { agencyId: person.agency?.id ?? null, sector: person.agency?.sector ?? null, roles: person.roles },
          prerequisite,
        });
        if (ineligible) {
          throw new DomainError(ineligible.code, ineligible.message);
        }

        const approval = needsApproval(course, person.agency);
        const managerEmail = approval ? this.checkManagerEmail(person, input.managerEmail) : null;

        const counts = await this.repo.placeCounts(em, session.id);
        const status = newBookingStatus({
          capacity: session.capacity,
          placesHeld: counts.held,
          waiting: counts.waiting,
          needsApproval: approval,
        });
        keepNeeds(person, input);
        const booking = em.create(Booking, {
          session,
          person,
          agency: person.agency ?? null,
          status,
          accessNeeds: input.accessNeeds ?? null,
          dietaryNeeds: input.dietaryNeeds ?? null,
          managerEmail,
          idempotencyKey: input.idempotencyKey ?? null,
          createdAt: now,
        });
        if (status === BookingStatus.WAITLISTED) {
          booking.waitlistedAt = this.repo.nextInQueue(counts, now);
        }
        applyStatus(booking, status, now, session);
        await this.changes.changed(em, booking, { action: 'booked', from: null, actor: person, at: now }, { byThemselves: true });
        // last in the queue, which the transaction holds in order: its place is one after those already waiting
        return { booking, position: status === BookingStatus.WAITLISTED ? counts.waiting + 1 : null };
      });
    // the answer is built from what the transaction read and wrote, not read again
    return 'earlierId' in made ? this.queries.booking(viewer, made.earlierId) : toBookingType(made.booking, made.position);
  }

  /**
   * Cancel a booking or leave the waiting list (own, or any for a coordinator). A person cancelling their
   * own confirmed place after the course's cut-off cancels late; when the training team cancels someone
   * else's, it is late only if they say so (`countAsLate`) and the cut-off has passed. Leaving a waiting
   * list is never late.
   */
  async cancel(
    viewer: Viewer,
    bookingId: string,
    reason: string | null,
    opts: { countAsLate?: boolean } = {},
    now = this.clock.now(),
  ): Promise<BookingType> {
    await this.em.fork().transactional(async (em) => {
      const booking = await this.lockBooking(em, viewer, bookingId);
      if (!isActive(booking.status)) {
        throw new DomainError(ErrorCode.InvalidTransition, 'This booking is already cancelled or closed.');
      }
      const session = booking.session;
      const from = booking.status;
      const byThemselves = booking.person.id === viewer.id;
      const late =
        from === BookingStatus.CONFIRMED &&
        (byThemselves || opts.countAsLate === true) &&
        isLateCancellation(now, session.startsAt, session.course.cancellationCutoffWorkingDays);
      booking.status = BookingStatus.CANCELLED;
      booking.cancelledAt = now;
      booking.lateCancellation = late;
      booking.offerExpiresAt = null;
      booking.approvalExpiresAt = null;
      const action = from === BookingStatus.WAITLISTED ? 'left-waiting-list' : late ? 'cancelled-late' : 'cancelled';
      await this.changes.changed(em, booking, { action, from, actor: this.changes.actor(em, viewer), reason, at: now }, { byThemselves });
      if (holdsPlace(from)) {
        await this.waitingList.fillFreedPlaces(em, session, now);
      }
      await em.flush();
    });
    return this.queries.booking(viewer, bookingId);
  }

  async acceptOffer(viewer: Viewer, bookingId: string, now = this.clock.now()): Promise<BookingType> {
    await this.em.fork().transactional(async (em) => {
      const booking = await this.lockBooking(em, viewer, bookingId, { ownOnly: true });
      if (booking.status !== BookingStatus.OFFERED) {
        throw new DomainError(ErrorCode.InvalidTransition, 'There is no place on offer for this booking.');
      }
      if (!booking.offerExpiresAt || booking.offerExpiresAt.getTime() <= now.getTime()) {
        throw new DomainError(ErrorCode.OfferExpired, 'Sorry, this offer has expired and the place has been offered to the next person.');
      }
      const person = booking.person;
      const approval = needsApproval(booking.session.course, person.agency) && !!booking.managerEmail;
      booking.offerExpiresAt = null;
      applyStatus(booking, approval ? BookingStatus.PENDING_APPROVAL : BookingStatus.CONFIRMED, now, booking.session);
      await this.changes.changed(
        em,
        booking,
        { action: 'offer-accepted', from: BookingStatus.OFFERED, actor: person, at: now },
        { byThemselves: true },
      );
    });
    return this.queries.booking(viewer, bookingId);
  }

  async declineOffer(viewer: Viewer, bookingId: string, now = this.clock.now()): Promise<BookingType> {
    await this.em.fork().transactional(async (em) => {
      const booking = await this.lockBooking(em, viewer, bookingId, { ownOnly: true });
      if (booking.status !== BookingStatus.OFFERED) {
        throw new DomainError(ErrorCode.InvalidTransition, 'There is no place on offer for this booking.');
      }
      booking.status = BookingStatus.CANCELLED;
      booking.cancelledAt = now;
      booking.offerExpiresAt = null;
      await this.changes.changed(
        em,
        booking,
        { action: 'offer-declined', from: BookingStatus.OFFERED, actor: this.changes.actor(em, viewer), at: now },
        { byThemselves: true },
      );
      await this.waitingList.fillFreedPlaces(em, booking.session, now);
      await em.flush();
    });
    return this.queries.booking(viewer, bookingId);
  }

  /**
   * The line manager who is asked to approve: required, never the booker, on the agency's domains when
   * it asks for that. Kept as the person's usual line manager, so the next booking is prefilled.
   */
  private checkManagerEmail(person: Person, given: string | undefined): string {
    const field = 'input.managerEmail';
    if (!given) {
      throw new DomainError(ErrorCode.ManagerEmailRequired, "This course needs your line manager's approval: enter their email address.", [
        { field, message: "Enter your line manager's email address" },
      ]);
    }
    const managerEmail = given.trim().toLowerCase();
    const problem = managerEmailProblem({ managerEmail, bookerEmail: person.email, agency: person.agency });
    if (problem) {
      throw new DomainError(ErrorCode.BadUserInput, problem, [{ field, message: problem }]);
    }
    person.lineManagerEmail = managerEmail;
    return managerEmail;
  }

  /** Loads a booking the viewer may change (their own, or any for a coordinator unless `ownOnly`) and locks its session. */
  private async lockBooking(em: EntityManager, viewer: Viewer, bookingId: string, opts: { ownOnly?: boolean } = {}): Promise<Booking> {
    const found = await this.repo.findOwnerAndSession(em, bookingId);
    const mayAct = found && (opts.ownOnly ? found.person.id === viewer.id : isOwnerOrCoordinator(viewer, found.person.id));
    if (!found || !mayAct) {
      throw bookingNotFound();
    }
    const session = await this.repo.lockSession(em, found.session.id);
    return this.repo.reloadUnderLock(em, bookingId, session);
  }

  private async refuseSecondBooking(em: EntityManager, person: Person, session: Session, now: Date): Promise<void> {
    const live = await this.repo.liveOnCourse(em, person.id, session.course.id);
    if (live.some((b) => b.session.id === session.id)) {
      throw new DomainError(ErrorCode.AlreadyBooked, 'You already have a booking on this session. See "Your bookings".');
    }
    const other = live.find((b) => b.session.endsAt.getTime() > now.getTime());
    if (other) {
      throw new DomainError(
        ErrorCode.AlreadyBookedOnCourse,
        `You already have a booking on this course (${formatLondonDate(other.session.startsAt)}). Cancel it first, or ask the training team to change it.`,
      );
    }
  }
}

/**
 * What a booking says about access and dietary needs is kept on the person's profile, so their next
 * booking form is prefilled with it (as their usual line manager is). Sent empty (null): cleared.
 */
function keepNeeds(person: Person, input: Pick<BookSessionInput, 'accessNeeds' | 'dietaryNeeds'>): void {
  if (input.accessNeeds !== undefined) {
    person.accessNeeds = input.accessNeeds ?? null;
  }
  if (input.dietaryNeeds !== undefined) {
    person.dietaryNeeds = input.dietaryNeeds ?? null;
  }
}
