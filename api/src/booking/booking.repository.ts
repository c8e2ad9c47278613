import { Injectable } from '@nestjs/common';
import { LockMode, wrap, type EntityManager } from '@mikro-orm/postgresql';
import { ACTIVE_BOOKING, BookingStatus, CourseOutcome, DomainError, ErrorCode, PLACE_HOLDING, SessionStatus, isUuid } from '@lh/domain';
import { Session } from '../scheduling/session.entity';
import { Booking } from './booking.entity';

/** The numbers of one session's bookings by what they mean for its places. */
export interface PlaceCounts {
  /** Confirmed places. */
  confirmed: number;
  /** Places held while someone decides: offers and approvals. */
  pending: number;
  /** Places taken or held: confirmed + pending (what counts against capacity). */
  held: number;
  waiting: number;
  /** The latest queue time of any of its bookings (the waiting-list order), or null. */
  lastQueuedAt: Date | null;
}

const NO_BOOKINGS: PlaceCounts = { confirmed: 0, pending: 0, held: 0, waiting: 0, lastQueuedAt: null };

/** Coming sessions of one course, and the places left over them. */
export interface UpcomingPlaces {
  sessions: number;
  placesLeft: number;
  nextStart: Date | null;
}

const sessionNotFound = () => new DomainError(ErrorCode.NotFound, 'There is no session with that id.');

/**
 * The queries about bookings that more than one service needs, each defined once: locks, place
 * counts, the waiting-list queue, completion of a course (attendance, as the registers recorded it), live bookings. Every page and report that
 * shows one of these numbers gets it from here. Intent-named queries only: no rules, no access checks.
 */
@Injectable()
export class BookingRepository {
  /**
   * Locks the person's row for the rest of the transaction, so one person's requests queue up. FOR NO KEY
   * UPDATE, not FOR UPDATE: a change that holds a session's lock and writes a row referring to the person
   * (a booking event's foreign key takes FOR KEY SHARE) must not wait for it, or booking (person, then
   * session) and cancelling (session, then the history row) deadlock.
   */
  async lockPerson(em: EntityManager, personId: string): Promise<void> {
    await em.execute('select id from person where id = ? for no key update', [personId]);
  }

  /**
   * Locks the session row for the rest of the transaction (every change to its bookings does this
   * first, so capacity is checked against committed counts) and loads it with what the rules and the
   * mail need. Refuses an unknown session.
   */
  async lockSession(em: EntityManager, sessionId: string, opts: { withTrainers?: boolean } = {}): Promise<Session> {
    if (!isUuid(sessionId)) {
      throw sessionNotFound();
    }
    // One joined select that takes the lock (`for update of` the session's row only): PostgreSQL returns the
    // session row as committed once the lock is held, so its capacity and status are the latest. When this
    // transaction has loaded the session already, it is read again (a select per relation) after the lock.
    const loaded = em.getUnitOfWork().getById<Session>(Session.name, sessionId);
    const populate = opts.withTrainers
      ? (['course.prerequisite', 'parts', 'venue', 'trainers'] as const)
      : (['course.prerequisite', 'parts', 'venue'] as const);
    if (loaded && wrap(loaded).isInitialized()) {
      if (!(await em.execute('select id from session where id = ? for update', [sessionId])).length) {
        throw sessionNotFound();
      }
      return em.findOneOrFail(Session, sessionId, { populate, refresh: true, strategy: 'joined' });
    }
    const session = await em.findOne(Session, sessionId, {
      populate,
      strategy: 'joined',
      lockMode: LockMode.PESSIMISTIC_WRITE,
      lockTableAliases: ['s0'],
    });
    if (!session) {
      throw sessionNotFound();
    }
    return session;
  }

  /** Who a booking belongs to and its session, without locking (to decide access before taking locks). */
  findOwnerAndSession(em: EntityManager, bookingId: string): Promise<Pick<Booking, 'id' | 'person' | 'session'> | null> {
    return isUuid(bookingId) ? em.findOne(Booking, bookingId, { fields: ['id', 'person', 'session'] }) : Promise.resolve(null);
  }

  /** The booking, read again after its session was locked, with its person and agency; `session` is the locked one. */
  async reloadUnderLock(em: EntityManager, bookingId: string, session: Session): Promise<Booking> {
    const booking = await em.findOneOrFail(Booking, bookingId, { refresh: true, populate: ['person.agency'] });
    booking.session = session;
    return booking;
  }

  async placeCounts(em: EntityManager, sessionId: string): Promise<PlaceCounts> {
    return (await this.placeCountsBySession(em, [sessionId])).get(sessionId) ?? NO_BOOKINGS;
  }

  /** Place counts of each of these sessions (sessions with no bookings are left out). One query. */
  async placeCountsBySession(em: EntityManager, sessionIds: readonly string[]): Promise<Map<string, PlaceCounts>> {
    if (!sessionIds.length) {
      return new Map();
    }
    const rows = await em.execute<{ session_id: string; status: BookingStatus; n: string; last_queued: Date | null }[]>(
      'select session_id, status, count(*) as n, max(waitlisted_at) as last_queued from booking where session_id in (?) group by session_id, status',
      [[...sessionIds]],
    );
    const counts = new Map<string, PlaceCounts>();
    for (const r of rows) {
      const c = counts.get(r.session_id) ?? { ...NO_BOOKINGS };
      const n = Number(r.n);
      if (r.last_queued && (!c.lastQueuedAt || new Date(r.last_queued) > c.lastQueuedAt)) {
        c.lastQueuedAt = new Date(r.last_queued);
      }
      if (r.status === BookingStatus.CONFIRMED) {
        c.confirmed += n;
      } else if (PLACE_HOLDING.includes(r.status)) {
        c.pending += n;
      } else if (r.status === BookingStatus.WAITLISTED) {
        c.waiting += n;
      }
      c.held = c.confirmed + c.pending;
      counts.set(r.session_id, c);
    }
    return counts;
  }

  /** For each course: coming scheduled sessions, places left over them, and the next start. One query. */
  async upcomingPlacesByCourse(em: EntityManager, courseIds: readonly string[], now: Date): Promise<Map<string, UpcomingPlaces>> {
    if (!courseIds.length) {
      return new Map();
    }
    const rows = await em.execute<{ course_id: string; sessions: string; places_left: string; next_start: Date | null }[]>(
      `select s.course_id, count(*) as sessions, min(s.starts_at) as next_start,
              sum(greatest(s.capacity - coalesce(b.n, 0), 0)) as places_left
         from session s
         left join (select session_id, count(*) as n from booking where status in (?) group by session_id) b
           on b.session_id = s.id
        where s.status = ? and s.starts_at > ? and s.course_id in (?)
        group by s.course_id`,
      [[...PLACE_HOLDING], SessionStatus.SCHEDULED, now, [...courseIds]],
    );
    return new Map(
      rows.map((r) => [
        r.course_id,
        { sessions: Number(r.sessions), placesLeft: Number(r.places_left), nextStart: r.next_start ? new Date(r.next_start) : null },
      ]),
    );
  }

  /**
   * The queue time for someone joining a session's waiting list: strictly after everyone already in it
   * (`counts` read with the session locked). So the queue follows the order in which requests got the
   * lock, not when they arrived (requests that arrive together would otherwise swap places after answering).
   */
  nextInQueue(counts: PlaceCounts, now: Date): Date {
    const last = counts.lastQueuedAt?.getTime() ?? 0;
    return new Date(Math.max(now.getTime(), last + 1));
  }

  /** The first `limit` people waiting on a session, in queue order. */
  firstWaiting(em: EntityManager, session: Session, limit: number): Promise<Booking[]> {
    return em.find(
      Booking,
      { session, status: BookingStatus.WAITLISTED },
      { orderBy: { waitlistedAt: 'asc', id: 'asc' }, limit, populate: ['person.agency'] },
    );
  }

  /** Each waiting booking's place in its session's queue (1 = next). */
  async waitlistPositions(em: EntityManager, bookings: readonly Booking[]): Promise<Map<string, number>> {
    const waiting = bookings.filter((b) => b.status === BookingStatus.WAITLISTED);
    if (!waiting.length) {
      return new Map();
    }
    const rows = await em.execute<{ id: string; position: string }[]>(
      `select id, position from (
         select id, row_number() over (partition by session_id order by waitlisted_at, id) as position
           from booking where status = ? and session_id in (?)
       ) q where id in (?)`,
      [BookingStatus.WAITLISTED, [...new Set(waiting.map((b) => b.session.id))], waiting.map((b) => b.id)],
    );
    return new Map(rows.map((r) => [r.id, Number(r.position)]));
  }

  /**
   * Whether the person has attended the course: the register of one of its sessions (not cancelled, started
   * by `now`) recorded the outcome ATTENDED for their place. The same definition as `lastCompletions`.
   */
  async hasCompleted(em: EntityManager, personId: string, courseId: string, now: Date): Promise<boolean> {
    return (await this.lastCompletions(em, personId, [courseId], now)).has(courseId);
  }

  /**
   * When the person last attended each of these courses: the latest of its sessions (not cancelled, started
   * by `now`) whose signed-off registers gave their confirmed place the outcome ATTENDED (a fact the
   * registers write in `attendance_outcome`; booking reads it and never works it out). Courses never
   * attended are left out. One query.
   */
  async lastCompletions(
    em: EntityManager,
    personId: string,
    courseIds: readonly string[],
    now: Date,
  ): Promise<Map<string, { startsAt: Date; endsAt: Date }>> {
    if (!courseIds.length) {
      return new Map();
    }
    const rows = await em.execute<{ course_id: string; starts_at: Date; ends_at: Date }[]>(
      `select distinct on (s.course_id) s.course_id, s.starts_at, s.ends_at
         from attendance_outcome o
         join booking b on b.id = o.booking_id
         join session s on s.id = o.session_id
        where o.person_id = ? and o.outcome = ? and b.status = ? and s.status = ? and s.starts_at <= ? and s.course_id in (?)
        order by s.course_id, s.ends_at desc`,
      [personId, CourseOutcome.ATTENDED, BookingStatus.CONFIRMED, SessionStatus.SCHEDULED, now, [...new Set(courseIds)]],
    );
    return new Map(rows.map((r) => [r.course_id, { startsAt: new Date(r.starts_at), endsAt: new Date(r.ends_at) }]));
  }

  /**
   * The person's places on sessions of these courses whose attendance is still to come: a place held on a
   * session that has not ended, or a confirmed place on one that has ended but whose registers have not
   * given it an outcome yet. With their sessions.
   */
  async placesAwaitingAttendance(em: EntityManager, personId: string, courseIds: readonly string[], now: Date): Promise<Booking[]> {
    if (!courseIds.length) {
      return [];
    }
    const rows = await em.execute<{ id: string }[]>(
      `select b.id from booking b join session s on s.id = b.session_id
        where b.person_id = ? and s.course_id in (?) and s.status = ?
          and ((s.ends_at > ? and b.status in (?)) or (b.status = ? and not exists (select 1 from attendance_outcome o where o.booking_id = b.id)))`,
      [personId, [...new Set(courseIds)], SessionStatus.SCHEDULED, now, [...PLACE_HOLDING], BookingStatus.CONFIRMED],
    );
    return rows.length ? em.find(Booking, { id: { $in: rows.map((r) => r.id) } }, { populate: ['session'] }) : [];
  }

  /** The person's live bookings on any session of the course, with their sessions. */
  liveOnCourse(em: EntityManager, personId: string, courseId: string): Promise<Booking[]> {
    return em.find(
      Booking,
      { person: personId, status: { $in: [...ACTIVE_BOOKING] }, session: { course: courseId } },
      { populate: ['session'] },
    );
  }

  /** The person's live booking on the session, if any. */
  liveOnSession(em: EntityManager, sessionId: string, personId: string): Promise<Booking | null> {
    return em.findOne(Booking, { session: sessionId, person: personId, status: { $in: [...ACTIVE_BOOKING] } });
  }

  /** The viewer's live bookings on sessions of these courses that have not ended. */
  liveOnCourses(em: EntityManager, personId: string, courseIds: readonly string[], now: Date): Promise<Booking[]> {
    return em.find(
      Booking,
      { person: personId, status: { $in: [...ACTIVE_BOOKING] }, session: { course: { $in: [...courseIds] }, endsAt: { $gt: now } } },
      { populate: ['session'] },
    );
  }

  /** Everyone with a live booking on the session (with person and agency, for mail). */
  liveOnSessionAll(em: EntityManager, session: Session, statuses: readonly BookingStatus[] = ACTIVE_BOOKING): Promise<Booking[]> {
    return em.find(Booking, { session, status: { $in: [...statuses] } }, { populate: ['person.agency'] });
  }

  countLive(em: EntityManager, sessionId: string): Promise<number> {
    return em.count(Booking, { session: sessionId, status: { $in: [...ACTIVE_BOOKING] } });
  }

  /** Sessions with offers or approval holds that have run out by `now`. */
  async sessionsWithDueHolds(em: EntityManager, now: Date): Promise<string[]> {
    const rows = await em.execute<{ session_id: string }[]>(
      `select distinct session_id from booking
        where (status = ? and offer_expires_at <= ?) or (status = ? and approval_expires_at <= ?)`,
      [BookingStatus.OFFERED, now, BookingStatus.PENDING_APPROVAL, now],
    );
    return rows.map((r) => r.session_id);
  }

  /** The session's offers and approval holds that have run out by `now`, with person and agency. */
  dueHolds(em: EntityManager, session: Session, now: Date): Promise<Booking[]> {
    return em.find(
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
  }
}
