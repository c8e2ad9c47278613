import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import {
  DomainError,
  ErrorCode,
  Role,
  SessionStatus,
  bookingWindow,
  bookingWindowDates,
  describeSessionChanges,
  formatLondonRange,
  isUuid,
  londonPartOf,
  londonSchedule,
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
import { Session } from './session.entity';
import { SessionPart } from './session-part.entity';
import { Venue } from './venue.entity';
import { AdminSessionType, AdminVenueType, TrainerPoolMemberType } from './scheduling.types';
import type { CreateVenueInput } from './dto/create-venue.input';
import type { UpdateVenueInput } from './dto/update-venue.input';
import type { CreateSessionInput, SessionPlanInput } from './dto/create-session.input';
import type { UpdateSessionInput } from './dto/update-session.input';
import type { AssignTrainerInput } from './dto/assign-trainer.input';

const sessionNotFound = () => new DomainError(ErrorCode.NotFound, 'There is no session with that id.');
const venueNotFound = () => new DomainError(ErrorCode.NotFound, 'There is no venue with that id.');
const badInput = (problems: FieldProblem[]) => new DomainError(ErrorCode.BadUserInput, problems.map((p) => p.message).join('; '), problems);

/** The place a session is planned for, once checked. */
interface CheckedPlace {
  venue: Venue | null;
  room: string | null;
  onlineUrl: string | null;
}

/**
 * Coordinators schedule the programme: venues, sessions (parts in London time, venue or online link,
 * booking window) and the training pool on each session. Every change runs in one transaction that
 * checks all its rules before writing; a change to the dates or place of a session with bookings tells
 * the people booked (SessionBookingsService.sessionChanged) in that same transaction.
 *
 * Changes to sessions' times and trainer assignments take one advisory lock, so two of them can never
 * both pass the "trainer already busy" check; the session row is locked as bookings lock it.
 */
@Injectable()
export class SchedulingService {
  constructor(
    private readonly em: EntityManager,
    private readonly repo: BookingRepository,
    private readonly sessionBookings: SessionBookingsService,
    private readonly clock: Clock,
  ) {}

  // ---- venues ------------------------------------------------------------------------------

  async venues(viewer: Viewer, now = this.clock.now()): Promise<AdminVenueType[]> {
    requireCoordinator(viewer);
    const em = this.em.fork();
    const venues = await em.find(Venue, {}, { orderBy: { name: 'asc', id: 'asc' } });
    const counts = await this.upcomingByVenue(
      em,
      venues.map((v) => v.id),
      now,
    );
    return venues.map((v) => this.venueType(v, counts.get(v.id) ?? 0));
  }

  async venue(viewer: Viewer, id: string, now = this.clock.now()): Promise<AdminVenueType> {
    requireCoordinator(viewer);
    const em = this.em.fork();
    const venue = isUuid(id) ? await em.findOne(Venue, id) : null;
    if (!venue) {
      throw venueNotFound();
    }
    const counts = await this.upcomingByVenue(em, [venue.id], now);
    return this.venueType(venue, counts.get(venue.id) ?? 0);
  }

  async createVenue(viewer: Viewer, input: CreateVenueInput, now = this.clock.now()): Promise<AdminVenueType> {
    requireCoordinator(viewer);
    const rooms = this.checkRooms(input.rooms);
    const id = await this.em.fork().transactional(async (em) => {
      const venue = em.create(Venue, {
        name: input.name,
        address: input.address,
        rooms,
        capacity: input.capacity ?? null,
        accessibilityNotes: input.accessibilityNotes ?? null,
      });
      await em.flush();
      return venue.id;
    });
    return this.venue(viewer, id, now);
  }

  /** Changes a venue. A room still given to a coming session cannot be removed (or renamed). */
  async updateVenue(viewer: Viewer, input: UpdateVenueInput, now = this.clock.now()): Promise<AdminVenueType> {
    requireCoordinator(viewer);
    const rooms = this.checkRooms(input.rooms);
    await this.em.fork().transactional(async (em) => {
      if (!(await em.execute('select id from venue where id = ? for update', [input.id])).length) {
        throw venueNotFound();
      }
      const venue = await em.findOneOrFail(Venue, input.id);
      const removed = venue.rooms.filter((r) => !rooms.includes(r));
      if (removed.length) {
        const used = await em.execute<{ room: string; n: string }[]>(
          `select room, count(*) as n from session
            where venue_id = ? and room in (?) and status = ? and ends_at > ? group by room order by room`,
          [venue.id, removed, SessionStatus.SCHEDULED, now],
        );
        if (used.length) {
          const list = used.map((u) => `"${u.room}" (${u.n} coming ${Number(u.n) === 1 ? 'session' : 'sessions'})`).join(', ');
          throw badInput([{ field: 'input.rooms', message: `Rooms still in use cannot be removed: ${list}. Move those sessions first` }]);
        }
      }
      venue.name = input.name;
      venue.address = input.address;
      venue.rooms = rooms;
      venue.capacity = input.capacity ?? null;
      venue.accessibilityNotes = input.accessibilityNotes ?? null;
      await em.flush();
    });
    return this.venue(viewer, input.id, now);
  }

  // ---- sessions ----------------------------------------------------------------------------

  async session(viewer: Viewer, id: string, now = this.clock.now()): Promise<AdminSessionType> {
    requireCoordinator(viewer);
    const em = this.em.fork();
    const session = isUuid(id) ? await em.findOne(Session, id, { populate: ['course', 'parts', 'venue', 'trainers'] }) : null;
    if (!session) {
      throw sessionNotFound();
    }
    const live = await this.repo.countLive(em, session.id);
    const venueCounts = session.venue ? await this.upcomingByVenue(em, [session.venue.id], now) : new Map<string, number>();
    const parts = this.sortedParts(session);
    const window = bookingWindowDates(session.bookingOpensAt ?? null, session.bookingClosesAt ?? null);
    return {
      id: session.id,
      course: { id: session.course.id, title: session.course.title },
      status: session.status,
      startsAt: session.startsAt,
      endsAt: session.endsAt,
      parts: parts.map((p) => ({ id: p.id, ...londonPartOf(p), startsAt: p.startsAt, endsAt: p.endsAt })),
      venue: session.venue ? this.venueType(session.venue, venueCounts.get(session.venue.id) ?? 0) : null,
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
    const id = await this.em.fork().transactional(async (em) => {
      const problems: FieldProblem[] = [];
      const course = isUuid(input.courseId) ? await em.findOne(Course, input.courseId) : null;
      if (!course) {
        problems.push({ field: 'input.courseId', message: 'Choose a course from the list' });
      }
      const schedule = this.checkSchedule(input, now, problems);
      const place = await this.checkPlace(em, input, problems);
      if (place?.venue?.capacity != null && input.capacity > place.venue.capacity) {
        problems.push({
          field: 'input.capacity',
          message: `Capacity must be ${place.venue.capacity} or fewer: that is the most ${place.venue.name} holds`,
        });
      }
      const window = this.checkWindow(input, schedule, problems);
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
      return session.id;
    });
    return this.session(viewer, id, now);
  }

  /**
   * Changes a session's parts, place and booking window. Parts keep their ids (and so the people
   * booked keep their calendar entries): part N is moved in place; parts are only added or removed
   * at the end when the count changes. The people booked are told what changed, in this transaction.
   */
  async updateSession(viewer: Viewer, input: UpdateSessionInput, now = this.clock.now()): Promise<AdminSessionType> {
    requireCoordinator(viewer);
    await this.em.fork().transactional(async (em) => {
      await this.lockTrainerSchedules(em);
      const session = await this.repo.lockSession(em, input.sessionId, { withTrainers: true });
      if (session.status === SessionStatus.CANCELLED) {
        throw new DomainError(ErrorCode.SessionCancelled, 'This session has been cancelled, so it cannot be changed.');
      }
      const problems: FieldProblem[] = [];
      const schedule = this.checkSchedule(input, null, problems);
      const place = await this.checkPlace(em, input, problems);
      const venueChanged = (place?.venue?.id ?? null) !== (session.venue?.id ?? null);
      if (venueChanged && place?.venue?.capacity != null && session.capacity > place.venue.capacity) {
        problems.push({
          field: 'input.venueId',
          message: `${place.venue.name} holds ${place.venue.capacity} people, fewer than this session's ${session.capacity} places: lower the capacity first`,
        });
      }
      const before = this.sortedParts(session);
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
      const window = this.checkWindow(input, schedule, problems);
      if (problems.length || !schedule || !place || !window) {
        throw badInput(problems);
      }
      if (datesChanged) {
        await this.refuseTrainerClash(em, session, session.trainers.getItems(), schedule, 'input.parts');
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
        changes.push(
          input.joiningInstructions
            ? `New joining instructions: ${input.joiningInstructions}`
            : 'The joining instructions have been removed.',
        );
      }
      session.joiningInstructions = input.joiningInstructions ?? null;
      session.bookingOpensAt = window.opensAt;
      session.bookingClosesAt = window.closesAt;
      await em.flush();

      if (changes.length && (await this.repo.countLive(em, session.id)) > 0) {
        await this.sessionBookings.sessionChanged(em, session.id, changes, now);
      }
      // the waiting-list setting goes through the booking rules (turning it on offers free places), in this transaction
      if (input.autoOfferWaitlist != null && input.autoOfferWaitlist !== session.autoOfferWaitlist) {
        await this.sessionBookings.applyAutoOffer(em, session, input.autoOfferWaitlist, now);
      }
    });
    return this.session(viewer, input.sessionId, now);
  }

  // ---- training pool -----------------------------------------------------------------------

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

  /** Puts a member of the training pool on a session, unless they are training elsewhere at the same time. */
  async assignTrainer(viewer: Viewer, input: AssignTrainerInput, now = this.clock.now()): Promise<AdminSessionType> {
    requireCoordinator(viewer);
    await this.em.fork().transactional(async (em) => {
      await this.lockTrainerSchedules(em);
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
      await this.refuseTrainerClash(em, session, [person], this.sortedParts(session), field);
      session.trainers.add(person);
      await em.flush();
    });
    return this.session(viewer, input.sessionId, now);
  }

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
    });
    return this.session(viewer, sessionId, now);
  }

  // ---- internals ---------------------------------------------------------------------------

  private async lockTrainerSchedules(em: EntityManager): Promise<void> {
    await em.execute(`select pg_advisory_xact_lock(hashtext('lh:trainer-schedules'))`);
  }

  private sortedParts(session: Session): SessionPart[] {
    return [...session.parts.getItems()].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.id.localeCompare(b.id));
  }

  /** Room names: unique whatever their case. */
  private checkRooms(rooms: string[]): string[] {
    const seen = new Map<string, string>();
    for (const room of rooms) {
      const key = room.toLowerCase();
      if (seen.has(key)) {
        throw badInput([{ field: 'input.rooms', message: `Give each room once: "${room}" is listed twice` }]);
      }
      seen.set(key, room);
    }
    return rooms;
  }

  /** The parts as UTC instants, or null with the problems added. `now`: the first part must be after it. */
  private checkSchedule(input: SessionPlanInput, now: Date | null, problems: FieldProblem[]): TimedPart[] | null {
    const schedule = londonSchedule(input.parts, 'input.parts');
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
  ): { opensAt: Date | null; closesAt: Date | null } | null {
    const window = bookingWindow(
      { opensOn: input.bookingOpensOn ?? null, closesOn: input.bookingClosesOn ?? null, sessionStartsAt: schedule?.[0]?.startsAt ?? null },
      { opensOn: 'input.bookingOpensOn', closesOn: 'input.bookingClosesOn' },
    );
    problems.push(...window.problems);
    return window.problems.length ? null : window;
  }

  /** Refuses when one of these trainers is on another (not cancelled) session at an overlapping time. */
  private async refuseTrainerClash(
    em: EntityManager,
    session: Session,
    trainers: Person[],
    parts: TimedPart[],
    field: string,
  ): Promise<void> {
    if (!trainers.length || !parts.length) {
      return;
    }
    const values = parts.map(() => '(?::timestamptz, ?::timestamptz)').join(', ');
    const rows = await em.execute<{ person_id: string; title: string; starts_at: Date; ends_at: Date }[]>(
      `select st.person_id, c.title, p.starts_at, p.ends_at
         from session_trainer st
         join session s on s.id = st.session_id
         join course c on c.id = s.course_id
         join session_part p on p.session_id = s.id
         join (values ${values}) as n(starts_at, ends_at) on p.starts_at < n.ends_at and p.ends_at > n.starts_at
        where st.person_id in (?) and s.id <> ? and s.status = ?
        order by p.starts_at limit 1`,
      [...parts.flatMap((p) => [p.startsAt, p.endsAt]), trainers.map((t) => t.id), session.id, SessionStatus.SCHEDULED],
    );
    const clash = rows[0];
    if (!clash) {
      return;
    }
    const name = trainers.find((t) => t.id === clash.person_id)?.name ?? 'A trainer';
    const message = `${name} is already training on "${clash.title}" at that time (${formatLondonRange(new Date(clash.starts_at), new Date(clash.ends_at))})`;
    throw new DomainError(ErrorCode.TrainerUnavailable, `${message}.`, [{ field, message }]);
  }

  private async upcomingByVenue(em: EntityManager, venueIds: string[], now: Date): Promise<Map<string, number>> {
    if (!venueIds.length) {
      return new Map();
    }
    const rows = await em.execute<{ venue_id: string; n: string }[]>(
      'select venue_id, count(*) as n from session where venue_id in (?) and status = ? and ends_at > ? group by venue_id',
      [venueIds, SessionStatus.SCHEDULED, now],
    );
    return new Map(rows.map((r) => [r.venue_id, Number(r.n)]));
  }

  private venueType(v: Venue, upcomingSessionCount: number): AdminVenueType {
    return {
      id: v.id,
      name: v.name,
      address: v.address,
      rooms: v.rooms,
      capacity: v.capacity ?? null,
      accessibilityNotes: v.accessibilityNotes ?? null,
      upcomingSessionCount,
    };
  }
}
