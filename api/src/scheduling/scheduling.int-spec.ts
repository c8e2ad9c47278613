import { BookingStatus, MailKind, Role, SessionStatus } from '@lh/domain';
import { aCourse, aPerson, aSession, aVenue } from '../../test/builders';
import { gql, signInAs, startTestApi, type GqlResult, type TestApi } from '../../test/test-db';
import { Booking } from '../booking/booking.entity';
import { OutboxMessage } from '../notifications/outbox-message.entity';
import { Session } from './session.entity';
import { SessionPart } from './session-part.entity';
import { Venue } from './venue.entity';

const SESSION_FIELDS = `id startsAt endsAt capacity room onlineUrl autoOfferWaitlist bookingOpensOn bookingClosesOn bookingOpensAt bookingClosesAt
  liveBookings course { id title } venue { id name rooms } parts { id date startTime endTime startsAt endsAt }
  trainers { id name email }`;
const CREATE_SESSION = `mutation($input: CreateSessionInput!) { createSession(input: $input) { ${SESSION_FIELDS} } }`;
const UPDATE_SESSION = `mutation($input: UpdateSessionInput!) { updateSession(input: $input) { ${SESSION_FIELDS} } }`;
const SESSION_ADMIN = `query($id: ID!) { sessionAdmin(id: $id) { ${SESSION_FIELDS} } }`;
const CREATE_VENUE = `mutation($input: CreateVenueInput!) { createVenue(input: $input) { id name address rooms capacity accessibilityNotes upcomingSessionCount } }`;
const UPDATE_VENUE = `mutation($input: UpdateVenueInput!) { updateVenue(input: $input) { id name rooms capacity accessibilityNotes } }`;
const VENUES = `{ venues { id name rooms capacity upcomingSessionCount } }`;
const ASSIGN = `mutation($input: AssignTrainerInput!) { assignTrainer(input: $input) { id trainers { id name } } }`;
const REMOVE = `mutation($s: ID!, $p: ID!) { removeTrainer(sessionId: $s, personId: $p) { id trainers { id } } }`;
const POOL = `{ trainerPool { id name email upcomingSessionCount } }`;

interface AdminSession {
  id: string;
  startsAt: string;
  endsAt: string;
  room: string | null;
  onlineUrl: string | null;
  autoOfferWaitlist: boolean;
  bookingOpensOn: string | null;
  bookingClosesOn: string | null;
  bookingOpensAt: string | null;
  bookingClosesAt: string | null;
  liveBookings: number;
  venue: { id: string; name: string } | null;
  parts: { id: string; date: string; startTime: string; endTime: string; startsAt: string; endsAt: string }[];
  trainers: { id: string; name: string }[];
}
type Part = { date: string; startTime: string; endTime: string };

/** The last Sunday of March (the clocks go forward at 1am) and October of a year some way ahead. */
const YEAR = new Date().getUTCFullYear() + 2;
const lastSunday = (month: number) => {
  const d = new Date(Date.UTC(YEAR, month + 1, 0));
  d.setUTCDate(d.getUTCDate() - d.getUTCDay());
  return d;
};
const day = (d: Date, plus = 0) => new Date(d.getTime() + plus * 86_400_000).toISOString().slice(0, 10);
const SPRING = lastSunday(2);
const AUTUMN = lastSunday(9);
const fields = (res: GqlResult) => res.errors?.[0]?.extensions?.fields ?? [];
const code = (res: GqlResult) => res.errors?.[0]?.extensions?.code;

describe('scheduling: venues, sessions, trainers (real API, real PostgreSQL)', () => {
  let api: TestApi;
  let coordinator: string;
  let practitioner: string;

  beforeAll(async () => {
    api = await startTestApi();
    coordinator = await signInAs(api.url, await aPerson(api.orm.em.fork(), { roles: [Role.COORDINATOR] }));
    practitioner = await signInAs(api.url, await aPerson(api.orm.em.fork()));
  });
  afterAll(() => api.close());

  const em = () => api.orm.em.fork();
  const create = (input: Record<string, unknown>, cookie = coordinator) =>
    gql<{ createSession: AdminSession }>(api.url, CREATE_SESSION, { input }, cookie);
  const update = (input: Record<string, unknown>, cookie = coordinator) =>
    gql<{ updateSession: AdminSession }>(api.url, UPDATE_SESSION, { input }, cookie);
  const admin = async (id: string) =>
    (await gql<{ sessionAdmin: AdminSession }>(api.url, SESSION_ADMIN, { id }, coordinator)).data!.sessionAdmin;
  const sessionCount = async (courseId: string) => em().count(Session, { course: courseId });
  const plan = (over: Record<string, unknown> = {}) => ({
    parts: [{ date: day(SPRING, -30), startTime: '09:30', endTime: '12:30' }] as Part[],
    venueId: null,
    onlineUrl: 'https://meet.example.org/abc-defg',
    bookingOpensOn: null,
    bookingClosesOn: null,
    ...over,
  });
  async function scheduled(over: Record<string, unknown> = {}): Promise<AdminSession> {
    const course = await aCourse(em());
    const res = await create({ courseId: course.id, capacity: 12, ...plan(over) });
    expect(res.errors).toBeUndefined();
    return res.data!.createSession;
  }
  async function book(sessionId: string, status = BookingStatus.CONFIRMED) {
    const e = em();
    const person = await aPerson(e);
    e.create(Booking, { session: sessionId, person, status, createdAt: new Date() });
    await e.flush();
    return person;
  }
  const changedMail = (sessionId: string) => em().find(OutboxMessage, { sessionId, kind: MailKind.SESSION_CHANGED });

  it('refuses everything to practitioners (NOT_ALLOWED) and to visitors (UNAUTHENTICATED)', async () => {
    const s = await aSession(em(), await aCourse(em()));
    const uuid = '00000000-0000-4000-8000-000000000000';
    const operations: [string, Record<string, unknown>][] = [
      [VENUES, {}],
      [POOL, {}],
      [SESSION_ADMIN, { id: s.id }],
      [CREATE_VENUE, { input: { name: 'A', address: 'B', rooms: [] } }],
      [UPDATE_VENUE, { input: { id: uuid, name: 'A', address: 'B', rooms: [] } }],
      [CREATE_SESSION, { input: { courseId: s.course.id, capacity: 5, ...plan() } }],
      [UPDATE_SESSION, { input: { sessionId: s.id, ...plan() } }],
      [ASSIGN, { input: { sessionId: s.id, personEmail: 'x@example.org' } }],
      [REMOVE, { s: s.id, p: uuid }],
    ];
    for (const [query, variables] of operations) {
      expect([query.slice(0, 40), code(await gql(api.url, query, variables, practitioner))]).toEqual([query.slice(0, 40), 'NOT_ALLOWED']);
      expect(code(await gql(api.url, query, variables))).toBe('UNAUTHENTICATED');
    }
    expect(await sessionCount(s.course.id)).toBe(1);
  });

  describe('venues', () => {
    it('creates and lists a venue with rooms, capacity and accessibility notes', async () => {
      const res = await gql<{ createVenue: Record<string, unknown> }>(
        api.url,
        CREATE_VENUE,
        {
          input: {
            name: '  Northshire Civic Centre ',
            address: 'Town Hall Square, Northshire NS1 2AB',
            rooms: ['Committee Room 1', ' ', 'Council Chamber '],
            capacity: 60,
            accessibilityNotes: 'Step-free entrance on Mill Lane; hearing loop in the Council Chamber.',
          },
        },
        coordinator,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.createVenue).toMatchObject({
        name: 'Northshire Civic Centre',
        rooms: ['Committee Room 1', 'Council Chamber'],
        capacity: 60,
        accessibilityNotes: 'Step-free entrance on Mill Lane; hearing loop in the Council Chamber.',
        upcomingSessionCount: 0,
      });
      const list = await gql<{ venues: { id: string }[] }>(api.url, VENUES, {}, coordinator);
      expect(list.data!.venues.map((v) => v.id)).toContain((res.data!.createVenue as { id: string }).id);
    });

    it('names every invalid field, writing nothing', async () => {
      const before = await em().count(Venue, {});
      const res = await gql(
        api.url,
        CREATE_VENUE,
        { input: { name: ' ', address: '', rooms: ['x'.repeat(101)], capacity: 0 } },
        coordinator,
      );
      expect(code(res)).toBe('BAD_USER_INPUT');
      expect(fields(res)).toEqual(
        expect.arrayContaining([
          { field: 'input.name', message: 'Enter the name of the venue' },
          { field: 'input.address', message: 'Enter the address of the venue' },
          { field: 'input.rooms', message: 'Each room name must be 100 characters or fewer' },
          { field: 'input.capacity', message: 'Capacity must be between 1 and 5000' },
        ]),
      );
      const twice = await gql(api.url, CREATE_VENUE, { input: { name: 'A', address: 'B', rooms: ['Room 1', 'room 1'] } }, coordinator);
      expect(fields(twice)).toEqual([{ field: 'input.rooms', message: 'Give each room once: "room 1" is listed twice' }]);
      expect(await em().count(Venue, {})).toBe(before);
    });

    it('keeps rooms that coming sessions use', async () => {
      const venue = await aVenue(em(), { rooms: ['Room 1', 'Room 2'] });
      await scheduled({ venueId: venue.id, room: 'Room 2', onlineUrl: null });
      const input = { id: venue.id, name: venue.name, address: venue.address, rooms: ['Room 1'], capacity: null, accessibilityNotes: null };
      const res = await gql(api.url, UPDATE_VENUE, { input }, coordinator);
      expect(fields(res)).toEqual([
        { field: 'input.rooms', message: 'Rooms still in use cannot be removed: "Room 2" (1 coming session). Move those sessions first' },
      ]);
      const ok = await gql<{ updateVenue: { rooms: string[]; accessibilityNotes: string | null } }>(
        api.url,
        UPDATE_VENUE,
        { input: { ...input, rooms: ['Room 2', 'Room 3'], accessibilityNotes: 'Lift to all floors' } },
        coordinator,
      );
      expect(ok.data!.updateVenue).toMatchObject({ rooms: ['Room 2', 'Room 3'], accessibilityNotes: 'Lift to all floors' });
    });
  });

  describe('creating sessions', () => {
    it('schedules a two-part session across the spring clock change, in London time', async () => {
      const course = await aCourse(em());
      const venue = await aVenue(em(), { rooms: ['Room 2'], capacity: 30 });
      const res = await create({
        courseId: course.id,
        capacity: 20,
        ...plan({
          venueId: venue.id,
          room: 'Room 2',
          onlineUrl: null,
          parts: [
            { date: day(SPRING, -2), startTime: '09:30', endTime: '16:00' },
            { date: day(SPRING, 1), startTime: '09:30', endTime: '16:00' },
          ],
          bookingOpensOn: day(SPRING, -60),
          bookingClosesOn: day(SPRING, -3),
        }),
        autoOfferWaitlist: false,
      });
      expect(res.errors).toBeUndefined();
      const s = res.data!.createSession;
      expect(s.parts.map((p) => [p.startsAt, p.endsAt])).toEqual([
        [`${day(SPRING, -2)}T09:30:00.000Z`, `${day(SPRING, -2)}T16:00:00.000Z`],
        [`${day(SPRING, 1)}T08:30:00.000Z`, `${day(SPRING, 1)}T15:00:00.000Z`],
      ]);
      expect(s.parts.map((p) => [p.date, p.startTime, p.endTime])).toEqual([
        [day(SPRING, -2), '09:30', '16:00'],
        [day(SPRING, 1), '09:30', '16:00'],
      ]);
      expect([s.startsAt, s.endsAt]).toEqual([s.parts[0]!.startsAt, s.parts[1]!.endsAt]);
      expect(s).toMatchObject({
        room: 'Room 2',
        onlineUrl: null,
        autoOfferWaitlist: false,
        venue: { id: venue.id },
        bookingOpensOn: day(SPRING, -60),
        bookingClosesOn: day(SPRING, -3),
        liveBookings: 0,
      });
      // the catalogue shows it to everyone
      const pub = await gql<{ course: { upcomingSessions: { id: string; parts: { startsAt: string }[] }[] } }>(
        api.url,
        `query($id: ID!) { course(id: $id) { upcomingSessions { id parts { startsAt } } } }`,
        { id: course.id },
      );
      expect(pub.data!.course.upcomingSessions).toEqual([{ id: s.id, parts: s.parts.map((p) => ({ startsAt: p.startsAt })) }]);
    });

    it('refuses a time that does not exist when the clocks go forward, naming the part', async () => {
      const course = await aCourse(em());
      const res = await create({
        courseId: course.id,
        capacity: 10,
        ...plan({
          parts: [
            { date: day(SPRING, -1), startTime: '09:30', endTime: '16:00' },
            { date: day(SPRING), startTime: '01:30', endTime: '04:00' },
          ],
        }),
      });
      expect(code(res)).toBe('BAD_USER_INPUT');
      expect(fields(res)).toEqual([
        {
          field: 'input.parts.1.startTime',
          message: expect.stringMatching(/^Part 2: 01:30 does not exist on Sunday .* clocks go forward/),
        },
      ]);
      expect(await sessionCount(course.id)).toBe(0);
    });

    it('accepts times around the autumn change', async () => {
      const s = await scheduled({ parts: [{ date: day(AUTUMN), startTime: '10:00', endTime: '13:00' }] });
      expect([s.parts[0]!.startsAt, s.parts[0]!.endsAt]).toEqual([`${day(AUTUMN)}T10:00:00.000Z`, `${day(AUTUMN)}T13:00:00.000Z`]);
    });

    it.each([
      [
        'end before start',
        { parts: [{ date: day(SPRING, -30), startTime: '12:30', endTime: '09:30' }] },
        'input.parts.0.endTime',
        'Part 1: the end time must be after the start time',
      ],
      [
        'overlapping parts',
        {
          parts: [
            { date: day(SPRING, -30), startTime: '09:30', endTime: '12:30' },
            { date: day(SPRING, -30), startTime: '12:00', endTime: '15:00' },
          ],
        },
        'input.parts.1.date',
        'Part 2 must start after part 1 ends: put the parts in date order, without overlapping',
      ],
      ['no parts', { parts: [] }, 'input.parts', 'Add at least one part: a date, a start time and an end time'],
      [
        'a date that is not real',
        { parts: [{ date: `${YEAR}-02-30`, startTime: '09:30', endTime: '12:30' }] },
        'input.parts.0.date',
        'Part 1: enter a real date',
      ],
      [
        'a time that is not HH:MM',
        { parts: [{ date: day(SPRING, -30), startTime: '9.30am', endTime: '12:30' }] },
        'input.parts.0.startTime',
        'Part 1: enter the start time as 24-hour HH:MM, like 09:30',
      ],
      [
        'a past date',
        { parts: [{ date: '2020-01-06', startTime: '09:30', endTime: '12:30' }] },
        'input.parts.0.date',
        'Part 1 must start in the future',
      ],
      ['neither venue nor link', { onlineUrl: null }, 'input.venueId', 'Choose a venue, or give the online link for an online session'],
      [
        'a link that is not https',
        { onlineUrl: 'http://meet.example.org/x' },
        'input.onlineUrl',
        'Enter the online link as a full https:// address, like https://meet.example.org/abc-defg',
      ],
      [
        'an unknown venue',
        { onlineUrl: null, venueId: '00000000-0000-4000-8000-000000000000' },
        'input.venueId',
        'Choose a venue from the list',
      ],
      ['a room without a venue', { room: 'Room 1' }, 'input.room', 'A room can only be given for a session at a venue'],
      [
        'booking closing before it opens',
        { bookingOpensOn: day(SPRING, -50), bookingClosesOn: day(SPRING, -51) },
        'input.bookingClosesOn',
        'Booking must close on or after the day it opens',
      ],
      [
        'booking closing after the first day',
        { bookingClosesOn: day(SPRING, -29) },
        'input.bookingClosesOn',
        'Booking must close on or before the first day of the session',
      ],
      [
        'booking opening after the start',
        { bookingOpensOn: day(SPRING, -29) },
        'input.bookingOpensOn',
        'Booking must open before the session starts',
      ],
      ['capacity 0', { capacity: 0 }, 'input.capacity', 'Capacity must be between 1 and 1000'],
    ])('refuses %s with a field message, writing nothing', async (_name, over, field, message) => {
      const course = await aCourse(em());
      const res = await create({ courseId: course.id, capacity: 10, ...plan(over) });
      expect(code(res)).toBe('BAD_USER_INPUT');
      expect(fields(res)).toContainEqual({ field, message });
      expect(await sessionCount(course.id)).toBe(0);
      expect(await em().count(SessionPart, { session: { course: course.id } })).toBe(0);
    });

    it('refuses a venue and a link together, a room the venue does not have, more places than the venue holds, an unknown course', async () => {
      const course = await aCourse(em());
      const venue = await aVenue(em(), { name: 'Northshire College', rooms: ['Room A'], capacity: 16 });
      const both = await create({ courseId: course.id, capacity: 10, ...plan({ venueId: venue.id }) });
      expect(fields(both)).toEqual([{ field: 'input.onlineUrl', message: 'Give a venue or an online link, not both' }]);
      const room = await create({ courseId: course.id, capacity: 10, ...plan({ venueId: venue.id, onlineUrl: null, room: 'Room B' }) });
      expect(fields(room)).toEqual([{ field: 'input.room', message: 'Choose one of the rooms at Northshire College: Room A' }]);
      const big = await create({ courseId: course.id, capacity: 17, ...plan({ venueId: venue.id, onlineUrl: null }) });
      expect(fields(big)).toEqual([
        { field: 'input.capacity', message: 'Capacity must be 16 or fewer: that is the most Northshire College holds' },
      ]);
      const unknown = await create({ courseId: '00000000-0000-4000-8000-000000000000', capacity: 10, ...plan() });
      expect(fields(unknown)).toEqual([{ field: 'input.courseId', message: 'Choose a course from the list' }]);
      expect(await sessionCount(course.id)).toBe(0);
    });
  });

  describe('changing sessions', () => {
    it('moves parts in place (their ids stay), adds and removes at the end, and keeps the session start and end in step', async () => {
      const s = await scheduled({
        parts: [
          { date: day(SPRING, -30), startTime: '09:30', endTime: '12:30' },
          { date: day(SPRING, -29), startTime: '09:30', endTime: '12:30' },
        ],
      });
      const [p1, p2] = s.parts.map((p) => p.id);
      const moved = await update({
        sessionId: s.id,
        ...plan({
          parts: [
            { date: day(SPRING, -20), startTime: '10:00', endTime: '13:00' },
            { date: day(SPRING, -19), startTime: '10:00', endTime: '15:00' },
            { date: day(SPRING, -18), startTime: '10:00', endTime: '15:00' },
          ],
        }),
      });
      expect(moved.errors).toBeUndefined();
      const after = moved.data!.updateSession;
      expect(after.parts.map((p) => p.id).slice(0, 2)).toEqual([p1, p2]);
      expect(after.parts.map((p) => [p.date, p.startTime, p.endTime])).toEqual([
        [day(SPRING, -20), '10:00', '13:00'],
        [day(SPRING, -19), '10:00', '15:00'],
        [day(SPRING, -18), '10:00', '15:00'],
      ]);
      expect([after.startsAt, after.endsAt]).toEqual([after.parts[0]!.startsAt, after.parts[2]!.endsAt]);
      const row = await em().findOneOrFail(Session, s.id);
      expect([row.startsAt.toISOString(), row.endsAt.toISOString()]).toEqual([after.startsAt, after.endsAt]);

      const shorter = (
        await update({ sessionId: s.id, ...plan({ parts: [{ date: day(SPRING, -21), startTime: '09:00', endTime: '16:00' }] }) })
      ).data!.updateSession;
      expect(shorter.parts.map((p) => p.id)).toEqual([p1]);
      expect(await em().count(SessionPart, { session: s.id })).toBe(1);
      expect([shorter.startsAt, shorter.endsAt]).toEqual([shorter.parts[0]!.startsAt, shorter.parts[0]!.endsAt]);
    });

    it('tells the people booked what changed (a SESSION_CHANGED mail in the same transaction)', async () => {
      const venue = await aVenue(em(), { name: 'Civic Centre', rooms: ['Room 1', 'Room 2'] });
      const s = await scheduled({ venueId: venue.id, room: 'Room 1', onlineUrl: null });
      const confirmed = await book(s.id);
      const waiting = await book(s.id, BookingStatus.WAITLISTED);
      const cancelled = await book(s.id, BookingStatus.CANCELLED);
      expect((await admin(s.id)).liveBookings).toBe(2);

      // only the booking window changes: nobody booked needs to know
      const quiet = await update({
        sessionId: s.id,
        ...plan({ venueId: venue.id, room: 'Room 1', onlineUrl: null, bookingClosesOn: day(SPRING, -31) }),
      });
      expect(quiet.errors).toBeUndefined();
      expect(await changedMail(s.id)).toEqual([]);

      const res = await update({
        sessionId: s.id,
        ...plan({
          venueId: venue.id,
          room: 'Room 2',
          onlineUrl: null,
          parts: [{ date: day(SPRING, -25), startTime: '13:00', endTime: '16:30' }],
        }),
      });
      expect(res.errors).toBeUndefined();
      const mail = await changedMail(s.id);
      expect(mail.map((m) => m.toEmail).sort()).toEqual([confirmed.email, waiting.email].sort());
      expect(mail.map((m) => m.toEmail)).not.toContain(cancelled.email);
      const text = mail.find((m) => m.toEmail === confirmed.email)!.text;
      expect(text).toMatch(/New date: \w+day \d+ March \d{4}, 1pm to 4:30pm/);
      expect(text).toContain('New venue: Civic Centre, Room 2');
      // the confirmed person's calendar entry is updated, keeping the part's UID
      expect(mail.find((m) => m.toEmail === confirmed.email)!.icsUid).toContain(`-part-${s.parts[0]!.id}@`);
    });

    it('changes nothing, and tells nobody, when the change is refused', async () => {
      const s = await scheduled();
      await book(s.id);
      const res = await update({
        sessionId: s.id,
        ...plan({
          onlineUrl: 'https://meet.example.org/new',
          parts: [
            { date: day(SPRING, -25), startTime: '09:30', endTime: '12:30' },
            { date: day(SPRING), startTime: '01:15', endTime: '03:00' },
          ],
        }),
      });
      expect(code(res)).toBe('BAD_USER_INPUT');
      expect(fields(res)[0]!.field).toBe('input.parts.1.startTime');
      const now = await admin(s.id);
      expect(now.parts).toEqual(s.parts);
      expect(now.onlineUrl).toBe(s.onlineUrl);
      expect(await changedMail(s.id)).toEqual([]);
      expect(code(await update({ sessionId: '00000000-0000-4000-8000-000000000000', ...plan() }))).toBe('NOT_FOUND');
    });

    it('refuses changes to a cancelled session and new dates for one that has started', async () => {
      const e = em();
      const course = await aCourse(e);
      const cancelled = await aSession(e, course, { status: SessionStatus.CANCELLED, online: true });
      expect(code(await update({ sessionId: cancelled.id, ...plan() }))).toBe('SESSION_CANCELLED');
      const started = await aSession(e, course, { inDays: -1, online: true });
      expect(code(await update({ sessionId: started.id, ...plan() }))).toBe('SESSION_STARTED');
    });

    it('turns on automatic offers through the booking rules (a free place goes to the first person waiting)', async () => {
      const s = await scheduled({});
      await update({ sessionId: s.id, ...plan(), autoOfferWaitlist: false });
      expect((await admin(s.id)).autoOfferWaitlist).toBe(false);
      const waiting = await book(s.id, BookingStatus.WAITLISTED);
      await update({ sessionId: s.id, ...plan(), autoOfferWaitlist: true });
      expect((await admin(s.id)).autoOfferWaitlist).toBe(true);
      const booking = await em().findOneOrFail(Booking, { session: s.id, person: waiting.id });
      expect(booking.status).toBe(BookingStatus.OFFERED);
    });
  });

  describe('the training pool', () => {
    it('assigns and removes trainers, counting their coming sessions, and refuses double-booking them', async () => {
      const trainer = await aPerson(em(), { roles: [Role.PRACTITIONER, Role.TRAINER], name: 'Tariq Trainer' });
      const first = await scheduled({ parts: [{ date: day(SPRING, -40), startTime: '09:30', endTime: '12:30' }] });
      const clashing = await scheduled({ parts: [{ date: day(SPRING, -40), startTime: '12:00', endTime: '15:00' }] });
      const later = await scheduled({ parts: [{ date: day(SPRING, -40), startTime: '12:30', endTime: '15:00' }] });

      const res = await gql<{ assignTrainer: AdminSession }>(
        api.url,
        ASSIGN,
        { input: { sessionId: first.id, personEmail: ` ${trainer.email.toUpperCase()} ` } },
        coordinator,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.assignTrainer.trainers).toEqual([{ id: trainer.id, name: 'Tariq Trainer' }]);

      const again = await gql(api.url, ASSIGN, { input: { sessionId: first.id, personEmail: trainer.email } }, coordinator);
      expect(fields(again)).toEqual([{ field: 'input.personEmail', message: 'Tariq Trainer is already a trainer on this session' }]);

      const clash = await gql(api.url, ASSIGN, { input: { sessionId: clashing.id, personEmail: trainer.email } }, coordinator);
      expect(code(clash)).toBe('TRAINER_UNAVAILABLE');
      expect(fields(clash)).toEqual([
        {
          field: 'input.personEmail',
          message: expect.stringMatching(/^Tariq Trainer is already training on "Course \w+" at that time \(/),
        },
      ]);
      expect((await admin(clashing.id)).trainers).toEqual([]);

      // touching sessions are fine
      expect(
        (await gql(api.url, ASSIGN, { input: { sessionId: later.id, personEmail: trainer.email } }, coordinator)).errors,
      ).toBeUndefined();
      const pool = await gql<{ trainerPool: { id: string; upcomingSessionCount: number }[] }>(api.url, POOL, {}, coordinator);
      expect(pool.data!.trainerPool.find((t) => t.id === trainer.id)?.upcomingSessionCount).toBe(2);

      // moving a session so that its trainer would be in two places at once is refused
      const moved = await update({
        sessionId: later.id,
        ...plan({ parts: [{ date: day(SPRING, -40), startTime: '11:00', endTime: '14:00' }] }),
      });
      expect(code(moved)).toBe('TRAINER_UNAVAILABLE');
      expect((await admin(later.id)).parts[0]!.startTime).toBe('12:30');

      const removed = await gql<{ removeTrainer: { trainers: unknown[] } }>(api.url, REMOVE, { s: later.id, p: trainer.id }, coordinator);
      expect(removed.data!.removeTrainer.trainers).toEqual([]);
      expect(code(await gql(api.url, REMOVE, { s: later.id, p: trainer.id }, coordinator))).toBe('NOT_FOUND');
    });

    it('only takes people in the training pool', async () => {
      const s = await scheduled();
      const plain = await aPerson(em(), { name: 'Paula Practitioner' });
      const notTrainer = await gql(api.url, ASSIGN, { input: { sessionId: s.id, personEmail: plain.email } }, coordinator);
      expect(fields(notTrainer)).toEqual([
        {
          field: 'input.personEmail',
          message: 'Paula Practitioner is not in the training pool: only people with the trainer role can be assigned',
        },
      ]);
      const nobody = await gql(api.url, ASSIGN, { input: { sessionId: s.id, personEmail: 'nobody@example.org' } }, coordinator);
      expect(fields(nobody)).toEqual([
        { field: 'input.personEmail', message: 'Nobody with the email address nobody@example.org has an account' },
      ]);
      const bad = await gql(api.url, ASSIGN, { input: { sessionId: s.id, personEmail: 'not an email' } }, coordinator);
      expect(fields(bad)).toEqual([
        { field: 'input.personEmail', message: 'Enter an email address in the correct format, like name@example.org' },
      ]);
      expect((await admin(s.id)).trainers).toEqual([]);
    });
  });
});
