import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import {
  DomainError,
  ErrorCode,
  SessionStatus,
  bookingWindow,
  bookingWindowDates,
  describeSessionChanges,
  isUuid,
  londonPartOf,
  londonSchedule,
  plural,
  longerThanCourseProblem,
  sessionCapacityProblem,
  noSessionsProblem,
  newSessionProblem,
  Role,
  type FieldProblem,
  type SessionPlan,
  type TimedPart,
} from '@lh/domain';
import { requireCoordinator } from '../common/access';
import { Clock } from '../common/clock';
import type { Viewer } from '../common/viewer';
import { BookingRepository } from '../booking/booking.repository';
import { SessionBookingsService } from '../booking/session-bookings.service';
import { Course } from '../catalogue/course.entity';
import { Person } from '../people/person.entity';
import { CourseInterestService } from '../course-interest/course-interest.service';
import { Session } from './session.entity';
import { SessionPart } from './session-part.entity';
import { Venue } from './venue.entity';
import { AdminSessionType } from './scheduling.types';
import { sortedParts, toAdminVenueType, upcomingSessionsByVenue } from './scheduling-views';
import { TrainerSchedule } from './trainer-schedule';
import { TrainerMailer } from './trainer-mailer';
import type { CreateSessionInput, SessionPlanInput } from './dto/create-session.input';
import type { UpdateSessionInput } from './dto/update-session.input';

const sessionNotFound = () => new DomainError(ErrorCode.NotFound, 'There is no session with that id.');
const badInput = (problems: FieldProblem[]) => new DomainError(ErrorCode.BadUserInput, problems.map((p) => p.message).join('; '), problems);

/** The place a session is planned for, once checked. */
interface CheckedPlace {
  venue: Venue | null;
  room: string | null;
  onlineUrl: string | null;
}

/**
 * Coordinators schedule sessions: parts in London time, venue or online link, booking window. Every
 * change runs in one transaction that checks all its rules before writing; a change to the dates or
 * place of a session tells the people booked (SessionBookingsService.sessionChanged) and its trainers
 * (TrainerMailer) in that same transaction. Moving a session's times takes the trainers' timetable lock (TrainerSchedule)
 * and the session row lock, as bookings take it. Venues: VenueAdminService; the pool: TrainingPoolService.
 */
@Injectable()
export class SchedulingService {
  constructor(
    private readonly em: EntityManager,
    private readonly repo: BookingRepository,
    private readonly sessionBookings: SessionBookingsService,
    private readonly trainerSchedule: TrainerSchedule,
    private readonly trainerMailer: TrainerMailer,
    private readonly clock: Clock,
    private readonly courseInterest: CourseInterestService,
  ) {}

  async session(viewer: Viewer, id: string, now = this.clock.now()): Promise<AdminSessionType> {
    requireCoordinator(viewer);
    const em = this.em.fork();
    const session = isUuid(id) ? await em.findOne(Session, id, { populate: ['course', 'parts', 'venue', 'trainers'] }) : null;
    if (!session) {
      throw sessionNotFound();
    }
    const live = await this.repo.countLive(em, session.id);
    const venueCounts = session.venue ? await upcomingSessionsByVenue(em, [session.venue.id], now) : new Map<string, number>();
    const parts = sortedParts(session);
    const window = bookingWindowDates(session.bookingOpensAt ?? null, session.bookingClosesAt ?? null);
    return {
      id: session.id,
      course: { id: session.course.id, title: session.course.title },
      status: session.status,
      startsAt: session.startsAt,
      endsAt: session.endsAt,
      parts: parts.map((p) => ({ id: p.id, ...londonPartOf(p), startsAt: p.startsAt, endsAt: p.endsAt })),
      venue: session.venue ? toAdminVenueType(session.venue, venueCounts.get(session.venue.id) ?? 0) : null,
      room: session.room ?? null,
      onlineUrl: session.onlineUrl ?? null,
      joiningInstructions: session.joiningInstructions ?? null,
      capacity: session.capacity,
      bookingOpensOn: window.opensOn,
      bookingClosesOn: window.closesOn,
      bookingOpensAt: session.bookingOpensAt ?? null,
      bookingClosesAt: session.bookingClosesAt ?? null,
      autoOfferWaitlist: session.autoOfferWaitlist,
      trainers: session.trainers
        .getItems()
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((t) => ({ id: t.id, name: t.name, email: t.email, jobTitle: t.jobTitle ?? null })),
      liveBookings: live,
    };
  }

  async createSession(viewer: Viewer, input: CreateSessionInput, now = this.clock.now()): Promise<AdminSessionType> {
    requireCoordinator(viewer);
    const id = await this.em.fork().transactional(async (em) => (await this.createIn(em, input, now)).id);
    return this.session(viewer, id, now);
  }

  /**
   * The one way a session is created, in the caller's transaction (creating one, and copying one to other
   * dates, SessionCopyService): every rule checked, all problems at once, before anything is written. The
   * trainers named are put on it in the same transaction (the timetable lock, the clash check, one
   * TRAINER_ASSIGNED mail each), so a refusal leaves nothing half-written.
   * The people waiting for dates of the course are told (CourseInterestService.announce) in the same
   * transaction, unless `announce: false`: a copy onto many dates announces once, after the last date.
   */
  async createIn(em: EntityManager, input: CreateSessionInput, now: Date, opts: { announce?: boolean } = {}): Promise<Session> {
    const problems: FieldProblem[] = [];
    const trainerIds = [...new Set(input.trainerIds ?? [])];
    if (trainerIds.length) {
      await this.trainerSchedule.lock(em);
    }
    const trainers = trainerIds.length ? await em.find(Person, { id: { $in: trainerIds } }, { orderBy: { name: 'asc' } }) : [];
    if (trainers.length !== trainerIds.length || trainers.some((t) => !t.roles.includes(Role.TRAINER))) {
      problems.push({
        field: 'input.trainerIds',
        message: 'Choose trainers from the list: only people in the training pool can train a session',
      });
    }
    const course = isUuid(input.courseId) ? await em.findOne(Course, input.courseId) : null;
    if (!course) {
      problems.push({ field: 'input.courseId', message: 'Choose a course from the list' });
    }
    const formatProblem = course ? noSessionsProblem(course.format, 'input.courseId') : null;
    if (formatProblem) {
      problems.push(formatProblem);
    }
    const archivedProblem = course ? newSessionProblem(course.status, 'input.courseId') : null;
    if (archivedProblem) {
      problems.push(archivedProblem);
    }
    const schedule = this.checkSchedule(input, now, problems, now);
    if (course && schedule) {
      this.checkLength(input, course, schedule, problems);
    }
    const place = await this.checkPlace(em, input, problems);
    const capacityProblem = sessionCapacityProblem(input.capacity, place?.venue ?? null, 'input.capacity');
    if (capacityProblem) {
      problems.push(capacityProblem);
    }
    const window = this.checkWindow(input, schedule, problems, now);
    if (problems.length || !course || !schedule || !place || !window) {
      throw badInput(problems);
    }

    const session = em.create(Session, {
      course,
      venue: place.venue,
      room: place.room,
      onlineUrl: place.onlineUrl,
      joiningInstructions: input.joiningInstructions ?? null,
      capacity: input.capacity,
      startsAt: schedule[0]!.startsAt,
      endsAt: schedule[schedule.length - 1]!.endsAt,
      bookingOpensAt: window.opensAt,
      bookingClosesAt: window.closesAt,
      autoOfferWaitlist: input.autoOfferWaitlist ?? true,
    });
    for (const p of schedule) {
      em.create(SessionPart, { session, startsAt: p.startsAt, endsAt: p.endsAt });
    }
    await em.flush();
    if (trainers.length) {
      // a clash throws, and the whole transaction (the session too) rolls back
      await this.trainerSchedule.refuseClash(em, session, trainers, schedule, 'input.trainerIds');
      session.trainers.add(trainers);
      await em.flush();
      for (const trainer of trainers) {
        await this.trainerMailer.assigned(em, session, trainer);
      }
    }
    if (opts.announce ?? true) {
      await this.courseInterest.announce(em, course, now);
    }
    return session;
  }

  /**
   * Changes a session's parts, place and booking window. Parts keep their ids (and so the people
   * booked keep their calendar entries): part N is moved in place; parts are only added or removed
   * at the end when the count changes. The people booked are told what changed, in this transaction.
   */
  async updateSession(viewer: Viewer, input: UpdateSessionInput, now = this.clock.now()): Promise<AdminSessionType> {
    requireCoordinator(viewer);
    await this.em.fork().transactional(async (em) => {
      await this.trainerSchedule.lock(em);
      const session = await this.repo.lockSession(em, input.sessionId, { withTrainers: true });
      if (session.status === SessionStatus.CANCELLED) {
        throw new DomainError(ErrorCode.SessionCancelled, 'This session has been cancelled, so it cannot be changed.');
      }
      const problems: FieldProblem[] = [];
      const schedule = this.checkSchedule(input, null, problems, now);
      const place = await this.checkPlace(em, input, problems);
      const venueChanged = (place?.venue?.id ?? null) !== (session.venue?.id ?? null);
      if (venueChanged && place?.venue?.capacity != null && session.capacity > place.venue.capacity) {
        problems.push({
          field: 'input.venueId',
          message: `${place.venue.name} holds ${plural(place.venue.capacity, 'person', 'people')}, fewer than this session's ${plural(session.capacity, 'place', 'places')}: lower the capacity first`,
        });
      }
      const before = sortedParts(session);
      const datesChanged =
        !!schedule &&
        (schedule.length !== before.length ||
          schedule.some(
            (p, i) => p.startsAt.getTime() !== before[i]!.startsAt.getTime() || p.endsAt.getTime() !== before[i]!.endsAt.getTime(),
          ));
      if (datesChanged && session.startsAt.getTime() <= now.getTime()) {
        throw new DomainError(ErrorCode.SessionStarted, 'This session has already started, so its dates can no longer be changed.');
      }
      if (datesChanged && schedule![0]!.startsAt.getTime() <= now.getTime()) {
        problems.push({ field: 'input.parts.0.date', message: 'Part 1 must start in the future' });
      }
      // only new times are checked against the course's length: saving other changes asks nothing again
      if (datesChanged) {
        this.checkLength(input, session.course, schedule!, problems);
      }
      const window = this.checkWindow(input, schedule, problems, now);
      if (problems.length || !schedule || !place || !window) {
        throw badInput(problems);
      }
      if (datesChanged) {
        await this.trainerSchedule.refuseClash(em, session, session.trainers.getItems(), schedule, 'input.parts');
      }

      const plan = (parts: readonly TimedPart[], p: CheckedPlace): SessionPlan => ({
        parts,
        venue: p.venue ? { id: p.venue.id, name: p.venue.name } : null,
        room: p.room,
        onlineUrl: p.onlineUrl,
      });
      const changes = describeSessionChanges(
        plan(
          before.map((p) => ({ startsAt: p.startsAt, endsAt: p.endsAt })),
          { venue: session.venue ?? null, room: session.room ?? null, onlineUrl: session.onlineUrl ?? null },
        ),
        plan(schedule, place),
      );

      // move parts in place; add or remove at the end only when the count changes
      schedule.forEach((p, i) => {
        const existing = before[i];
        if (existing) {
          existing.startsAt = p.startsAt;
          existing.endsAt = p.endsAt;
        } else {
          em.create(SessionPart, { session, startsAt: p.startsAt, endsAt: p.endsAt });
        }
      });
      for (const gone of before.slice(schedule.length)) {
        em.remove(gone);
      }
      session.startsAt = schedule[0]!.startsAt;
      session.endsAt = schedule[schedule.length - 1]!.endsAt;
      session.venue = place.venue;
      session.room = place.room;
      session.onlineUrl = place.onlineUrl;
      if ((input.joiningInstructions ?? null) !== (session.joiningInstructions ?? null)) {
        changes.push(input.joiningInstructions ? 'The joining instructions have changed' : 'The joining instructions have been removed.');
      }
      session.joiningInstructions = input.joiningInstructions ?? null;
      session.bookingOpensAt = window.opensAt;
      session.bookingClosesAt = window.closesAt;
      await em.flush();

      if (changes.length && (await this.repo.countLive(em, session.id)) > 0) {
        await this.sessionBookings.sessionChanged(em, session.id, changes, now);
      }
      // the trainers are told too, with or without bookings (the session read again: parts may have gone)
      if (changes.length && session.trainers.length) {
        await this.trainerMailer.sessionChanged(em, await this.repo.lockSession(em, session.id, { withTrainers: true }), changes);
      }
      // the waiting-list setting goes through the booking rules (turning it on offers free places), in this transaction
      if (input.autoOfferWaitlist != null && input.autoOfferWaitlist !== session.autoOfferWaitlist) {
        await this.sessionBookings.applyAutoOffer(em, session, input.autoOfferWaitlist, now);
      }
    });
    return this.session(viewer, input.sessionId, now);
  }

  // ---- internals ---------------------------------------------------------------------------

  /** The parts as UTC instants, or null with the problems added. `now`: the first part must be after it. */
  private checkSchedule(input: SessionPlanInput, now: Date | null, problems: FieldProblem[], today: Date): TimedPart[] | null {
    const schedule = londonSchedule(input.parts, 'input.parts', today);
    problems.push(...schedule.problems);
    if (schedule.problems.length) {
      return null;
    }
    if (now && schedule.parts[0]!.startsAt.getTime() <= now.getTime()) {
      problems.push({ field: 'input.parts.0.date', message: 'Part 1 must start in the future' });
      return null;
    }
    return schedule.parts;
  }

  /** Parts far longer than the course's usual length are refused unless the coordinator confirms them. */
  private checkLength(input: SessionPlanInput, course: Course, schedule: TimedPart[], problems: FieldProblem[]): void {
    const problem = longerThanCourseProblem(
      schedule,
      course.durationMinutes,
      input.confirmLongerThanCourse === true,
      'input.confirmLongerThanCourse',
    );
    if (problem) {
      problems.push(problem);
    }
  }

  /** A venue (with one of its rooms) or an https link, never both. */
  private async checkPlace(em: EntityManager, input: SessionPlanInput, problems: FieldProblem[]): Promise<CheckedPlace | null> {
    const venueId = input.venueId ?? null;
    const onlineUrl = input.onlineUrl ?? null;
    const room = input.room ?? null;
    if (venueId && onlineUrl) {
      problems.push({ field: 'input.onlineUrl', message: 'Give a venue or an online link, not both' });
      return null;
    }
    if (!venueId && !onlineUrl) {
      problems.push({ field: 'input.venueId', message: 'Choose a venue, or give the online link for an online session' });
      return null;
    }
    if (!venueId) {
      if (room) {
        problems.push({ field: 'input.room', message: 'A room can only be given for a session at a venue' });
        return null;
      }
      return { venue: null, room: null, onlineUrl };
    }
    const venue = await em.findOne(Venue, venueId);
    if (!venue) {
      problems.push({ field: 'input.venueId', message: 'Choose a venue from the list' });
      return null;
    }
    if (room && !venue.rooms.includes(room)) {
      problems.push({
        field: 'input.room',
        message: venue.rooms.length
          ? `Choose one of the rooms at ${venue.name}: ${venue.rooms.join(', ')}`
          : `${venue.name} has no rooms listed: leave the room blank, or add the room to the venue first`,
      });
      return null;
    }
    return { venue, room, onlineUrl: null };
  }

  private checkWindow(
    input: SessionPlanInput,
    schedule: TimedPart[] | null,
    problems: FieldProblem[],
    now: Date,
  ): { opensAt: Date | null; closesAt: Date | null } | null {
    const window = bookingWindow(
      {
        opensOn: input.bookingOpensOn ?? null,
        closesOn: input.bookingClosesOn ?? null,
        sessionStartsAt: schedule?.[0]?.startsAt ?? null,
        now,
      },
      { opensOn: 'input.bookingOpensOn', closesOn: 'input.bookingClosesOn' },
    );
    problems.push(...window.problems);
    return window.problems.length ? null : window;
  }
}
