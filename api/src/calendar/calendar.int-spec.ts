import { BookingStatus, Role, inviteUid, londonToUtc } from '@lh/domain';
import ICAL from 'ical.js';
import { aCourse, aPerson, aSession } from '../../test/builders';
import { gql, signInAs, startTestApi, type TestApi } from '../../test/test-db';
import { Booking } from '../booking/booking.entity';
import { Course } from '../catalogue/course.entity';
import { OutboxInvite } from '../notifications/outbox-message.entity';
import type { Person } from '../people/person.entity';
import { Session } from '../scheduling/session.entity';
import { SessionPart } from '../scheduling/session-part.entity';
import { Venue } from '../scheduling/venue.entity';
import { CalendarFeed } from './calendar-feed.entity';

const FEED = `{ calendarFeed { exists createdAt } }`;
const RESET = `mutation { resetCalendarFeed { url createdAt } }`;
const STOP = `mutation { stopCalendarFeed { exists } }`;
const FILE = `query($id: ID!) { bookingCalendar(bookingId: $id) { fileName content } }`;
const BOOK = `mutation($input: BookSessionInput!) { bookSession(input: $input) { id status joinUrl } }`;
const BOOKING = `query($id: ID!) { booking(id: $id) { id status joinUrl } }`;
const MINE = `{ myBookings { upcoming { id joinUrl } } }`;
const WEB = 'https://learninghub.example.org';

interface ParsedEvent {
  uid: string;
  sequence: number;
  status: string;
  summary: string;
  location: string;
  description: string;
  tzid: string | null;
  start: string;
  end: string;
}

/** Parses .ics text with ical.js (an independent parser), resolving TZIDs with the file's own VTIMEZONE. */
function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  for (const vtz of calendar.getAllSubcomponents('vtimezone')) {
    ICAL.TimezoneService.register(new ICAL.Timezone(vtz));
  }
  return {
    method: calendar.getFirstPropertyValue('method'),
    name: calendar.getFirstPropertyValue('x-wr-calname'),
    events: calendar.getAllSubcomponents('vevent').map((v): ParsedEvent => {
      const e = new ICAL.Event(v);
      return {
        uid: e.uid,
        sequence: e.sequence,
        status: String(v.getFirstPropertyValue('status')),
        summary: e.summary,
        location: e.location,
        description: e.description,
        tzid: String(v.getFirstProperty('dtstart')!.getParameter('tzid') ?? '') || null,
        start: e.startDate.toJSDate().toISOString(),
        end: e.endDate.toJSDate().toISOString(),
      };
    }),
  };
}

describe('calendar feeds and downloads (real API, real PostgreSQL)', () => {
  let api: TestApi;
  let coordinatorCookie: string;

  beforeAll(async () => {
    api = await startTestApi({ webOrigin: WEB });
    coordinatorCookie = await signInAs(api.url, await aPerson(api.orm.em.fork(), { roles: [Role.COORDINATOR] }));
  });
  afterAll(() => api.close());

  async function practitioner(name?: string): Promise<{ person: Person & { password: string }; cookie: string }> {
    const person = await aPerson(api.orm.em.fork(), { name });
    return { person, cookie: await signInAs(api.url, person) };
  }

  /** A session on Sunday 29 March 2026 (the day the clocks go forward), 9:30am to 12:30pm London time. */
  async function clockChangeSession(title: string): Promise<{ session: Session; part: SessionPart }> {
    const em = api.orm.em.fork();
    const course = await aCourse(em, { title });
    const venue = em.create(Venue, { name: 'Northshire College', address: 'Room 4, 1 High Street, Northshire NS1 1AA' });
    const start = londonToUtc('2026-03-29', '09:30');
    const end = londonToUtc('2026-03-29', '12:30');
    const session = em.create(Session, { course, venue, capacity: 10, startsAt: start, endsAt: end });
    const part = em.create(SessionPart, { session, startsAt: start, endsAt: end });
    await em.flush();
    return { session, part };
  }

  async function placeOn(person: Person, session: Session, status: BookingStatus): Promise<string> {
    const em = api.orm.em.fork();
    const booking = em.create(Booking, { person: person.id, session: session.id, status });
    await em.flush();
    return booking.id;
  }

  async function newFeedUrl(cookie: string): Promise<string> {
    const res = await gql<{ resetCalendarFeed: { url: string } }>(api.url, RESET, {}, cookie);
    expect(res.errors).toBeUndefined();
    return res.data!.resetCalendarFeed.url;
  }

  /** The web app serves the feed at WEB_ORIGIN/calendar/<token>.ics by fetching the API's same path. */
  const fetchFeed = (url: string) => fetch(url.replace(WEB, api.url));

  it('lists confirmed and held places with the invite UIDs and London times, and nothing cancelled or anyone else’s', async () => {
    const { person, cookie } = await practitioner('Priya Shah');
    const other = await practitioner();

    // confirmed, on the day the clocks go forward
    const { session: march, part: marchPart } = await clockChangeSession('DASH risk checklist');
    const marchBooking = await placeOn(person, march, BookingStatus.CONFIRMED);
    const othersBooking = await placeOn(other.person, march, BookingStatus.CONFIRMED);

    // confirmed through the API (invites queued), online, two parts
    const online = await aSession(api.orm.em.fork(), await aCourse(api.orm.em.fork(), { title: 'Graded Care Profile 2' }), {
      online: true,
      parts: 2,
      inDays: 20,
    });
    const booked = await gql<{ bookSession: { id: string; status: string } }>(api.url, BOOK, { input: { sessionId: online.id } }, cookie);
    expect(booked.data!.bookSession.status).toBe('CONFIRMED');
    const onlineBooking = booked.data!.bookSession.id;
    const onlineParts = await api.orm.em.fork().find(SessionPart, { session: online.id }, { orderBy: { startsAt: 'asc' } });

    // held while the manager decides, online: tentative and without the joining link
    const approvalCourse = await aCourse(api.orm.em.fork(), { title: 'Domestic abuse: specialist' });
    await api.orm.em.fork().nativeUpdate(Course, { id: approvalCourse.id }, { requiresApproval: true });
    const heldSession = await aSession(api.orm.em.fork(), approvalCourse, { online: true, inDays: 30 });
    const held = await gql<{ bookSession: { id: string; status: string } }>(
      api.url,
      BOOK,
      { input: { sessionId: heldSession.id, managerEmail: 'manager@example.org' } },
      cookie,
    );
    expect(held.data!.bookSession.status).toBe('PENDING_APPROVAL');
    const heldPart = await api.orm.em.fork().findOneOrFail(SessionPart, { session: heldSession.id });

    // cancelled and waiting-list bookings are left out
    const cancelled = await aSession(api.orm.em.fork(), await aCourse(api.orm.em.fork()), { inDays: 15 });
    await placeOn(person, cancelled, BookingStatus.CANCELLED);
    const waiting = await aSession(api.orm.em.fork(), await aCourse(api.orm.em.fork()), { inDays: 16 });
    await placeOn(person, waiting, BookingStatus.WAITLISTED);

    expect((await gql(api.url, FEED, {}, cookie)).data).toEqual({ calendarFeed: { exists: false, createdAt: null } });
    const url = await newFeedUrl(cookie);
    expect(url).toMatch(new RegExp(`^${WEB}/calendar/[A-Za-z0-9_-]{43}\\.ics$`));
    expect((await gql<{ calendarFeed: { exists: boolean } }>(api.url, FEED, {}, cookie)).data!.calendarFeed.exists).toBe(true);

    const res = await fetchFeed(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const ics = await res.text();
    expect(ics).toContain('DTSTART;TZID=Europe/London:20260329T093000');
    expect(ics).toContain('BEGIN:VTIMEZONE');
    const feed = parse(ics);
    expect(feed.method).toBe('PUBLISH');
    expect(feed.name).toBe('Learning Hub: Priya Shah');

    const uids = feed.events.map((e) => e.uid);
    expect(uids).toEqual([
      inviteUid(marchBooking, marchPart.id),
      ...onlineParts.map((p) => inviteUid(onlineBooking, p.id)),
      inviteUid(held.data!.bookSession.id, heldPart.id),
    ]);
    expect(uids.some((u) => u.includes(othersBooking))).toBe(false);

    const [first, onlineFirst, , tentative] = feed.events as [ParsedEvent, ParsedEvent, ParsedEvent, ParsedEvent];
    expect(first).toMatchObject({
      status: 'CONFIRMED',
      summary: 'DASH risk checklist',
      location: 'Northshire College, Room 4, 1 High Street, Northshire NS1 1AA',
      tzid: 'Europe/London',
      start: '2026-03-29T08:30:00.000Z',
      end: '2026-03-29T11:30:00.000Z',
    });
    expect(first.description).toContain(`${WEB}/bookings/${marchBooking}`);
    expect(onlineFirst).toMatchObject({ status: 'CONFIRMED', summary: 'Graded Care Profile 2 (part 1 of 2)', location: 'Online' });
    expect(onlineFirst.description).toContain('join at https://meet.example.org/test');
    // the same SEQUENCE as the last invite sent for that UID
    expect(onlineFirst.sequence).toBe(0);
    await api.orm.em.fork().nativeUpdate(OutboxInvite, { uid: onlineFirst.uid }, { sequence: 2 }); // as if updated twice
    const again = parse(await (await fetchFeed(url)).text());
    expect(again.events.map((e) => [e.uid, e.sequence])).toEqual(feed.events.map((e) => [e.uid, e.uid === onlineFirst.uid ? 2 : 0]));
    expect(tentative).toMatchObject({ status: 'TENTATIVE', summary: 'Awaiting approval: Domestic abuse: specialist' });
    expect(tentative.description).not.toContain('meet.example.org');

    // the other person's own feed has their booking only
    const othersFeed = parse(await (await fetchFeed(await newFeedUrl(other.cookie))).text());
    expect(othersFeed.events.map((e) => e.uid)).toEqual([inviteUid(othersBooking, marchPart.id)]);
  });

  it('stores only a hash of the token; resetting or turning it off makes the old address stop working', async () => {
    const { person, cookie } = await practitioner();
    const first = await newFeedUrl(cookie);
    const token = /\/calendar\/([^/]+)\.ics$/.exec(first)![1]!;
    const rows = await api.orm.em.fork().find(CalendarFeed, { person: person.id });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]!.tokenHash).not.toContain(token);
    expect((await fetchFeed(first)).status).toBe(200);

    const second = await newFeedUrl(cookie);
    expect(second).not.toBe(first);
    expect(await api.orm.em.fork().count(CalendarFeed, { person: person.id })).toBe(1);
    const gone = await fetchFeed(first);
    expect(gone.status).toBe(404);
    expect(await gone.json()).toMatchObject({ code: 'NOT_FOUND' });
    expect((await fetchFeed(second)).status).toBe(200);

    expect((await gql<{ stopCalendarFeed: { exists: boolean } }>(api.url, STOP, {}, cookie)).data!.stopCalendarFeed.exists).toBe(false);
    expect((await fetchFeed(second)).status).toBe(404);
    expect((await gql(api.url, FEED, {}, cookie)).data).toEqual({ calendarFeed: { exists: false, createdAt: null } });
  });

  it('answers 404 for an unknown or malformed token, and asks anonymous callers to sign in', async () => {
    expect((await fetch(`${api.url}/calendar/${'A'.repeat(43)}.ics`)).status).toBe(404);
    expect((await fetch(`${api.url}/calendar/not-a-token.ics`)).status).toBe(404);
    for (const op of [FEED, RESET]) {
      expect((await gql(api.url, op)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  it('downloads one booking as .ics for its holder and coordinators, never for another practitioner', async () => {
    const { person, cookie } = await practitioner();
    const { session, part } = await clockChangeSession('Neglect: "early help" & you');
    const bookingId = await placeOn(person, session, BookingStatus.CONFIRMED);

    const own = await gql<{ bookingCalendar: { fileName: string; content: string } }>(api.url, FILE, { id: bookingId }, cookie);
    expect(own.errors).toBeUndefined();
    expect(own.data!.bookingCalendar.fileName).toBe('Neglect early help you.ics');
    const file = parse(own.data!.bookingCalendar.content);
    expect(file.method).toBe('PUBLISH');
    expect(file.events).toHaveLength(1);
    expect(file.events[0]).toMatchObject({ uid: inviteUid(bookingId, part.id), status: 'CONFIRMED', start: '2026-03-29T08:30:00.000Z' });

    const asCoordinator = await gql<{ bookingCalendar: { content: string } }>(api.url, FILE, { id: bookingId }, coordinatorCookie);
    expect(parse(asCoordinator.data!.bookingCalendar.content).events[0]!.uid).toBe(inviteUid(bookingId, part.id));

    const stranger = await practitioner();
    for (const id of [bookingId, '00000000-0000-0000-0000-000000000000']) {
      const refused = await gql(api.url, FILE, { id }, stranger.cookie);
      expect(refused.data).toBeNull();
      expect(refused.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
    const malformed = await gql(api.url, FILE, { id: 'nonsense' }, stranger.cookie);
    expect(malformed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('gives the joining link to the holder of a confirmed place and to coordinators only', async () => {
    const session = await aSession(api.orm.em.fork(), await aCourse(api.orm.em.fork()), { online: true, capacity: 1, inDays: 12 });
    const a = await practitioner();
    const b = await practitioner();
    const confirmed = await gql<{ bookSession: { id: string; status: string; joinUrl: string | null } }>(
      api.url,
      BOOK,
      { input: { sessionId: session.id } },
      a.cookie,
    );
    expect(confirmed.data!.bookSession).toMatchObject({ status: 'CONFIRMED', joinUrl: 'https://meet.example.org/test' });
    const waiting = await gql<{ bookSession: { id: string; status: string; joinUrl: string | null } }>(
      api.url,
      BOOK,
      { input: { sessionId: session.id } },
      b.cookie,
    );
    expect(waiting.data!.bookSession).toMatchObject({ status: 'WAITLISTED', joinUrl: null });
    const mine = await gql<{ myBookings: { upcoming: { id: string; joinUrl: string | null }[] } }>(api.url, MINE, {}, b.cookie);
    expect(mine.data!.myBookings.upcoming).toEqual([{ id: waiting.data!.bookSession.id, joinUrl: null }]);

    const id = confirmed.data!.bookSession.id;
    const forCoordinator = await gql<{ booking: { joinUrl: string | null } }>(api.url, BOOKING, { id }, coordinatorCookie);
    expect(forCoordinator.data!.booking.joinUrl).toBe('https://meet.example.org/test');
    const forOther = await gql(api.url, BOOKING, { id }, b.cookie);
    expect(forOther.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    // the catalogue's types (public) have no field that could carry it
    const types = await gql<{ __schema: { types: { name: string; fields: { name: string }[] | null }[] } }>(
      api.url,
      `{ __schema { types { name fields { name } } } }`,
    );
    const catalogue = ['Course', 'CourseRef', 'Session', 'SessionDetail', 'SessionPart', 'Venue', 'BookingSession', 'ApprovalRequest'];
    const carrying = types
      .data!.__schema.types.filter((t) => catalogue.includes(t.name) && t.fields?.some((f) => /onlineUrl|joinUrl/i.test(f.name)))
      .map((t) => t.name);
    expect(carrying).toEqual([]);
  });
});
