import { BookingStatus, InviteMethod, Role } from '@lh/domain';
import ICAL from 'ical.js';
import { aCourse, aPerson, aSession } from '../../test/builders';
import { gql, signInAs, startTestApi, type TestApi } from '../../test/test-db';
import { Booking } from '../booking/booking.entity';
import { Clock } from '../common/clock';
import { Course } from '../catalogue/course.entity';
import { OutboxInvite } from '../notifications/outbox-message.entity';
import type { Session } from '../scheduling/session.entity';

const RESET = `mutation { resetCalendarFeed { url } }`;
const BOOK = `mutation($input: BookSessionInput!) { bookSession(input: $input) { id status } }`;
const CANCEL_SESSION = `mutation($input: CancelSessionInput!) { cancelSession(input: $input) { session { id } } }`;
const WEB = 'https://learninghub.example.org';
const DAY = 86_400_000;

/** Every VEVENT of a feed, parsed by ical.js (an independent parser). */
function events(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return { uid: e.uid, sequence: e.sequence, status: String(v.getFirstPropertyValue('status')), summary: e.summary };
  });
}

/** A whole session called off: subscribers' calendars are told it is cancelled, for a while, instead of it just vanishing. */
describe('calendar feeds: a session called off (real API, real PostgreSQL)', () => {
  let api: TestApi;
  let coordinator: string;

  beforeAll(async () => {
    api = await startTestApi({ webOrigin: WEB });
    coordinator = await signInAs(api.url, await aPerson(api.orm.em.fork(), { roles: [Role.COORDINATOR] }));
  });
  afterAll(() => api.close());
  afterEach(() => api.app.get(Clock).fixAt(null));

  const em = () => api.orm.em.fork();

  it('shows its events as CANCELLED with a higher SEQUENCE until 30 days after it was due to end', async () => {
    const person = await aPerson(em(), { name: 'Priya Shah' });
    const cookie = await signInAs(api.url, person);
    const url = (await gql<{ resetCalendarFeed: { url: string } }>(api.url, RESET, {}, cookie)).data!.resetCalendarFeed.url;
    const feed = async () => events(await (await fetch(url.replace(WEB, api.url))).text());

    // a confirmed place (with its invite) on a two-part session, and a place held for a manager on another
    const course = await aCourse(em(), { title: 'DASH risk checklist' });
    const session = await aSession(em(), course, { parts: 2, inDays: 20, online: true });
    const confirmed = await gql<{ bookSession: { id: string; status: string } }>(
      api.url,
      BOOK,
      { input: { sessionId: session.id } },
      cookie,
    );
    expect(confirmed.data!.bookSession.status).toBe('CONFIRMED');
    const approvalCourse = await aCourse(em(), { title: 'Graded Care Profile 2' });
    await em().nativeUpdate(Course, { id: approvalCourse.id }, { requiresApproval: true });
    const heldSession = await aSession(em(), approvalCourse, { inDays: 25 });
    const held = await gql<{ bookSession: { id: string; status: string } }>(
      api.url,
      BOOK,
      { input: { sessionId: heldSession.id, managerEmail: 'manager@example.org' } },
      cookie,
    );
    expect(held.data!.bookSession.status).toBe('PENDING_APPROVAL');
    // a place given up before the session was called off has already left the feed, and stays out
    const givenUp = await aSession(em(), await aCourse(em(), { title: 'Given up' }), { inDays: 22 });
    const e = em();
    e.create(Booking, { person: person.id, session: givenUp.id, status: BookingStatus.CANCELLED });
    await e.flush();

    const before = await feed();
    expect(before.map((e) => [e.status, e.sequence])).toEqual([
      ['CONFIRMED', 0],
      ['CONFIRMED', 0],
      ['TENTATIVE', 0],
    ]);

    const callOff = async (s: Session) => {
      const res = await gql(api.url, CANCEL_SESSION, { input: { sessionId: s.id, reason: 'The trainer is ill' } }, coordinator);
      expect(res.errors).toBeUndefined();
    };
    await callOff(session);
    await callOff(heldSession);
    await callOff(givenUp);
    // the confirmed place got a METHOD:CANCEL invite for each part, one SEQUENCE up
    const cancelInvites = await em().find(OutboxInvite, {
      message: { bookingId: confirmed.data!.bookSession.id },
      method: InviteMethod.CANCEL,
    });
    expect(cancelInvites.map((m) => m.sequence)).toEqual([1, 1]);

    const after = await feed();
    expect(after.map((e) => e.uid)).toEqual(before.map((e) => e.uid));
    expect(after.map((e) => [e.status, e.sequence, e.summary])).toEqual([
      ['CANCELLED', 2, 'Cancelled: DASH risk checklist (part 1 of 2)'],
      ['CANCELLED', 2, 'Cancelled: DASH risk checklist (part 2 of 2)'],
      ['CANCELLED', 1, 'Cancelled: Graded Care Profile 2'],
    ]);
    for (const [b, a] of before.map((e, i) => [e, after[i]!] as const)) {
      expect(a.sequence).toBeGreaterThan(b.sequence);
    }

    // until 30 days after the end of the session (the held one ends last): then they leave the feed
    const clock = api.app.get(Clock);
    clock.fixAt(new Date(session.endsAt.getTime() + 30 * DAY - 60_000));
    expect((await feed()).map((e) => e.status)).toEqual(['CANCELLED', 'CANCELLED', 'CANCELLED']);
    clock.fixAt(new Date(session.endsAt.getTime() + 30 * DAY));
    expect((await feed()).map((e) => e.summary)).toEqual(['Cancelled: Graded Care Profile 2']);
    clock.fixAt(new Date(heldSession.endsAt.getTime() + 30 * DAY));
    expect(await feed()).toEqual([]);
  });
});
