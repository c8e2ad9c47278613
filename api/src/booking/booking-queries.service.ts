import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import {
  BookingStatus,
  DomainError,
  ErrorCode,
  eligibilityRefusal,
  holdsPlace,
  isActive,
  londonParts,
  londonToUtc,
  needsApproval,
  placesLeft,
} from '@lh/domain';
import { isOwnerOrCoordinator, requireCoordinator } from '../common/access';
import { Clock } from '../common/clock';
import type { Viewer } from '../common/viewer';
import { Course } from '../catalogue/course.entity';
import { Person } from '../people/person.entity';
import { Session } from '../scheduling/session.entity';
import { Booking } from './booking.entity';
import { toBookingSessionType, toBookingType } from './booking.mapper';
import { BookingRepository } from './booking.repository';
import type {
  BookingType,
  CourseEligibilityType,
  MyBookingsType,
  MyCourseBookingType,
  ProgrammeSessionType,
  SessionRosterType,
} from './booking.types';

export const bookingNotFound = () => new DomainError(ErrorCode.NotFound, 'There is no booking with that id, or it is not yours.');

const FULL_BOOKING = ['session.course', 'session.parts', 'session.venue', 'person.agency', 'events.actor'] as const;

/** Reading bookings: a person's own, one booking, a session's roster, the programme's numbers. */
@Injectable()
export class BookingQueries {
  constructor(
    private readonly em: EntityManager,
    private readonly repo: BookingRepository,
    private readonly clock: Clock,
  ) {}

  async myBookings(viewer: Viewer, now = this.clock.now()): Promise<MyBookingsType> {
    const em = this.em.fork();
    const bookings = await em.find(Booking, { person: viewer.id }, { populate: FULL_BOOKING, orderBy: { session: { startsAt: 'asc' } } });
    const positions = await this.repo.waitlistPositions(em, bookings);
    const views = bookings.map((b) => toBookingType(b, positions.get(b.id) ?? null));
    const upcoming = views.filter((b) => isActive(b.status) && b.session.endsAt.getTime() > now.getTime());
    const past = views.filter((b) => !upcoming.includes(b)).reverse();
    return { upcoming, past };
  }

  /** One booking as the viewer may see it: their own, or any for a coordinator. */
  async booking(viewer: Viewer, bookingId: string): Promise<BookingType> {
    const em = this.em.fork();
    const booking = await em.findOne(Booking, bookingId, { populate: FULL_BOOKING });
    if (!booking || !isOwnerOrCoordinator(viewer, booking.person.id)) {
      throw bookingNotFound();
    }
    const positions = await this.repo.waitlistPositions(em, [booking]);
    return toBookingType(booking, positions.get(booking.id) ?? null);
  }

  /** The viewer's live booking on each of these courses (for "you are booked" on catalogue pages). */
  async liveBookingsOnCourses(
    viewer: Viewer,
    courseIds: readonly string[],
    now = this.clock.now(),
  ): Promise<Map<string, MyCourseBookingType>> {
    const em = this.em.fork();
    const live = await this.repo.liveOnCourses(em, viewer.id, courseIds, now);
    const positions = await this.repo.waitlistPositions(em, live);
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

  /**
   * Whether the viewer may book each of these courses (the audience and prerequisite rules booking
   * applies, with the same instant), whether their manager would be asked, and when they last
   * attended it (as its register recorded). A few queries for the whole batch, whatever its size.
   */
  async eligibilityOnCourses(
    viewer: Viewer,
    courseIds: readonly string[],
    now = this.clock.now(),
  ): Promise<Map<string, CourseEligibilityType>> {
    const em = this.em.fork();
    const [courses, person] = await Promise.all([
      em.find(Course, { id: { $in: [...courseIds] } }, { populate: ['prerequisite'] }),
      em.findOneOrFail(Person, viewer.id, { populate: ['agency'] }),
    ]);
    const prerequisiteIds = courses.flatMap((c) => (c.prerequisite ? [c.prerequisite.id] : []));
    const [completions, awaiting] = await Promise.all([
      this.repo.lastCompletions(em, person.id, [...courseIds, ...prerequisiteIds], now),
      this.repo.placesAwaitingAttendance(em, person.id, prerequisiteIds, now),
    ]);
    /** The start of the person's session on each prerequisite whose attendance is still to be recorded (the earliest). */
    const bookedOn = new Map<string, Date>();
    for (const b of awaiting.filter((b) => holdsPlace(b.status))) {
      const earlier = bookedOn.get(b.session.course.id);
      if (!earlier || b.session.startsAt < earlier) {
        bookedOn.set(b.session.course.id, b.session.startsAt);
      }
    }
    return new Map(
      courses.map((c) => {
        const p = c.prerequisite;
        const refusal = eligibilityRefusal({
          audience: { agencyIds: c.audienceAgencyIds, sectors: c.audienceSectors, roles: c.audienceRoles },
          person: { agencyId: person.agency?.id ?? null, sector: person.agency?.sector ?? null, roles: person.roles },
          prerequisite: p ? { title: p.title, met: completions.has(p.id), bookedOn: bookedOn.get(p.id) ?? null } : null,
        });
        return [
          c.id,
          {
            canBook: !refusal,
            reason: refusal?.message ?? null,
            code: refusal?.code ?? null,
            approvalNeeded: needsApproval(c, person.agency),
            attendedOn: completions.get(c.id)?.startsAt ?? null,
          },
        ];
      }),
    );
  }

  async roster(viewer: Viewer, sessionId: string): Promise<SessionRosterType> {
    requireCoordinator(viewer);
    const em = this.em.fork();
    const session = await em.findOne(Session, { id: sessionId }, { populate: ['course', 'parts', 'venue'] });
    if (!session) {
      throw new DomainError(ErrorCode.NotFound, 'There is no session with that id.');
    }
    const bookings = await em.find(
      Booking,
      { session },
      { populate: ['person.agency', 'events.actor'], orderBy: { waitlistedAt: 'asc', createdAt: 'asc', id: 'asc' } },
    );
    const positions = await this.repo.waitlistPositions(em, bookings);
    const views = bookings.map((b) => toBookingType(b, positions.get(b.id) ?? null));
    const by = (...s: BookingStatus[]) => views.filter((v) => s.includes(v.status));
    const counts = await this.repo.placeCounts(em, session.id);
    return {
      sessionId: session.id,
      session: toBookingSessionType(session, { withJoiningInstructions: true }),
      capacity: session.capacity,
      placesLeft: placesLeft(session.capacity, counts.held),
      autoOfferWaitlist: session.autoOfferWaitlist,
      confirmed: by(BookingStatus.CONFIRMED),
      pending: by(BookingStatus.PENDING_APPROVAL, BookingStatus.OFFERED),
      waiting: by(BookingStatus.WAITLISTED).sort((a, b) => (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0)),
      cancelled: by(BookingStatus.CANCELLED, BookingStatus.DECLINED, BookingStatus.EXPIRED),
    };
  }

  /** Sessions from `from` on (default: the start of today in London), soonest first, with their numbers. */
  async programme(viewer: Viewer, opts: { from?: Date; to?: Date }, now = this.clock.now()): Promise<ProgrammeSessionType[]> {
    requireCoordinator(viewer);
    const em = this.em.fork();
    const from = opts.from ?? londonToUtc(londonParts(now).date, '00:00');
    const sessions = await em.find(
      Session,
      { startsAt: { $gte: from, ...(opts.to ? { $lt: opts.to } : {}) } },
      { populate: ['course', 'parts', 'venue'], orderBy: { startsAt: 'asc' }, limit: 500 },
    );
    const counts = await this.repo.placeCountsBySession(
      em,
      sessions.map((s) => s.id),
    );
    return sessions.map((s) => {
      const c = counts.get(s.id);
      return {
        session: toBookingSessionType(s, { withJoiningInstructions: true }),
        capacity: s.capacity,
        confirmed: c?.confirmed ?? 0,
        pending: c?.pending ?? 0,
        waiting: c?.waiting ?? 0,
        placesLeft: placesLeft(s.capacity, c?.held ?? 0),
      };
    });
  }
}
