// The training team's queue: each kind of waiting thing appears, and goes, at the right moment (the clock fixed).
import { BookingStatus, PersonStatus, Role } from '@lh/domain';
import { aCourse, aPerson, aSession, bookings } from '../../test/builders';
import { gql, signInAs, startTestApi, type TestApi } from '../../test/test-db';
import { Clock } from '../common/clock';
import { Booking } from '../booking/booking.entity';
import { BookingEvent } from '../booking/booking-event.entity';
import { Person } from '../people/person.entity';

const QUEUE = `{ trainingTeamQueue { registrationsToApprove offerHours underFilledShare underFilledWithinDays
  approvals { bookingId sessionId personName agencyName waitingSince courseTitle }
  expiringOffers { bookingId offerExpiresAt personName }
  underFilled { sessionId capacity booked } } }`;
interface Queue {
  registrationsToApprove: number;
  offerHours: number;
  underFilledShare: number;
  underFilledWithinDays: number;
  approvals: { bookingId: string; sessionId: string; personName: string; waitingSince: string }[];
  expiringOffers: { bookingId: string; offerExpiresAt: string }[];
  underFilled: { sessionId: string; capacity: number; booked: number }[];
}
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe("the training team's queue (real API, real PostgreSQL)", () => {
  let api: TestApi;
  let coordinator: string;
  beforeAll(async () => {
    // the clock moves weeks ahead here: the coordinator stays signed in
    api = await startTestApi({ sessionTtlHours: 24 * 90 });
    coordinator = await signInAs(api.url, await aPerson(api.orm.em.fork(), { roles: [Role.COORDINATOR] }));
  });
  afterAll(() => api.close());
  const em = () => api.orm.em.fork();
  const at = async (when: Date): Promise<Queue> => {
    api.app.get(Clock).fixAt(when);
    const res = await gql<{ trainingTeamQueue: Queue }>(api.url, QUEUE, {}, coordinator);
    expect(res.errors).toBeUndefined();
    return res.data!.trainingTeamQueue;
  };
  afterEach(() => api.app.get(Clock).fixAt(null));

  it('lists approvals pending oldest first with when they started waiting, until one is approved', async () => {
    const e = em();
    const session = await aSession(e, await aCourse(e), { inDays: 30 });
    const now = Date.now();
    const older = await aPerson(e, { name: 'Olive Older' });
    const newer = await aPerson(e, { name: 'Nina Newer' });
    const mk = (person: Person, since: Date) => {
      const b = e.create(Booking, { session, person, status: BookingStatus.PENDING_APPROVAL, createdAt: since });
      e.create(BookingEvent, { booking: b, at: since, action: 'booked', toStatus: BookingStatus.PENDING_APPROVAL });
      return b;
    };
    const nb = mk(newer, new Date(now - 2 * HOUR));
    const ob = mk(older, new Date(now - 3 * DAY));
    await e.flush();
    const q = await at(new Date(now));
    const mine = q.approvals.filter((a) => a.sessionId === session.id);
    expect(mine.map((a) => a.bookingId)).toEqual([ob.id, nb.id]);
    expect(new Date(mine[0]!.waitingSince).getTime()).toBe(now - 3 * DAY);

    const approved = await gql(api.url, `mutation($id: ID!) { confirmBooking(bookingId: $id) { status } }`, { id: ob.id }, coordinator);
    expect(approved.errors).toBeUndefined();
    expect((await at(new Date(now))).approvals.map((a) => a.bookingId)).not.toContain(ob.id);
    // once the session has ended, nothing about it waits
    expect((await at(new Date(session.endsAt.getTime() + HOUR))).approvals.map((a) => a.bookingId)).not.toContain(nb.id);
  });

  it('lists offers ending within 24 hours, and not once they have ended', async () => {
    const e = em();
    const session = await aSession(e, await aCourse(e), { inDays: 30 });
    const now = Date.now();
    const offer = e.create(Booking, {
      session,
      person: await aPerson(e),
      status: BookingStatus.OFFERED,
      offerExpiresAt: new Date(now + 30 * HOUR),
    });
    await e.flush();
    const ids = async (when: number) => (await at(new Date(when))).expiringOffers.map((o) => o.bookingId);
    expect(await ids(now)).not.toContain(offer.id);
    expect(await ids(now + 6 * HOUR - 1000)).not.toContain(offer.id);
    expect(await ids(now + 6 * HOUR)).toContain(offer.id);
    expect(await ids(now + 30 * HOUR - 1000)).toContain(offer.id);
    expect(await ids(now + 30 * HOUR)).not.toContain(offer.id);
  });

  it('lists sessions with fewer than half their places held within 14 days of the start, until they fill or start', async () => {
    const e = em();
    const session = await aSession(e, await aCourse(e), { inDays: 20, capacity: 10 });
    await bookings(e, session, 3);
    await bookings(e, session, 1, BookingStatus.PENDING_APPROVAL);
    await bookings(e, session, 6, BookingStatus.WAITLISTED);
    const start = session.startsAt.getTime();
    const ids = async (when: number) => (await at(new Date(when))).underFilled.map((u) => u.sessionId);
    expect(await ids(start - 14 * DAY - 1000)).not.toContain(session.id);
    const q = await at(new Date(start - 14 * DAY));
    expect(q.underFilled.find((u) => u.sessionId === session.id)).toEqual({ sessionId: session.id, capacity: 10, booked: 4 });
    expect([q.underFilledShare, q.underFilledWithinDays, q.offerHours]).toEqual([0.5, 14, 24]);
    expect(await ids(start - 1000)).toContain(session.id);
    expect(await ids(start)).not.toContain(session.id);
    await bookings(e, session, 1, BookingStatus.OFFERED); // 5 of 10 held: half is not under-filled
    expect(await ids(start - DAY)).not.toContain(session.id);
  });

  it('counts registrations waiting for approval', async () => {
    const before = (await at(new Date())).registrationsToApprove;
    await aPerson(em(), { status: PersonStatus.PENDING_APPROVAL });
    expect((await at(new Date())).registrationsToApprove).toBe(before + 1);
  });
});
