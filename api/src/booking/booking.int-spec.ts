import { AgencySector, BookingStatus, PersonStatus, Role, SessionStatus } from '@lh/domain';
import { aCourse, anAgency, aPerson, aSession } from '../../test/builders';
import { gql, signInAs, startTestApi, type TestApi } from '../../test/test-db';
import { takeRegisters } from '../../test/registers';
import { Booking } from './booking.entity';
import { WaitingListService } from './waiting-list.service';
import { Session } from '../scheduling/session.entity';
import { Course } from '../catalogue/course.entity';
import { Person } from '../people/person.entity';

const BOOK = `mutation($input: BookSessionInput!) { bookSession(input: $input) {
  id status waitlistPosition offerExpiresAt accessNeeds dietaryNeeds cancellationDeadline lateCancellation
  person { id } session { id } history { action fromStatus toStatus actorName reason } } }`;
const CANCEL = `mutation($id: ID!, $reason: String) { cancelBooking(bookingId: $id, reason: $reason) { id status lateCancellation history { action } } }`;
const ACCEPT = `mutation($id: ID!) { acceptOffer(bookingId: $id) { id status } }`;
const DECLINE = `mutation($id: ID!) { declineOffer(bookingId: $id) { id status } }`;
const BOOKING = `query($id: ID!) { booking(id: $id) { id status accessNeeds dietaryNeeds waitlistPosition history { action actorName reason } } }`;
const ROSTER = `query($id: ID!) { sessionRoster(sessionId: $id) { capacity placesLeft confirmed { id person { name } } pending { id status } waiting { id waitlistPosition } cancelled { id } } }`;
const MINE = `{ myBookings { upcoming { id status session { id course { title } } } past { id status } } }`;

type BookingResult = {
  id: string;
  status: BookingStatus;
  waitlistPosition: number | null;
  offerExpiresAt: string | null;
  lateCancellation: boolean;
  history: { action: string; actorName: string | null; reason: string | null }[];
};

describe('booking (real API, real PostgreSQL)', () => {
  let api: TestApi;
  let service: WaitingListService;
  let coordinator: Person & { password: string };
  let coordinatorCookie: string;

  beforeAll(async () => {
    api = await startTestApi();
    service = api.app.get(WaitingListService);
    coordinator = await aPerson(api.orm.em.fork(), { roles: [Role.COORDINATOR], name: 'Claire Coordinator' });
    coordinatorCookie = await signInAs(api.url, coordinator);
  });
  afterAll(() => api.close());

  async function practitioner(over: Parameters<typeof aPerson>[1] = {}) {
    const p = await aPerson(api.orm.em.fork(), over);
    return { person: p, cookie: await signInAs(api.url, p) };
  }

  async function book(cookie: string, sessionId: string, extra: Record<string, unknown> = {}) {
    return gql<{ bookSession: BookingResult }>(api.url, BOOK, { input: { sessionId, ...extra } }, cookie);
  }

  const bookingCount = (sessionId: string) => api.orm.em.fork().count(Booking, { session: sessionId });

  it('keeps the agency the person belonged to when they booked, after they move to another', async () => {
    const em = api.orm.em.fork();
    const from = await anAgency(em, { name: `Northshire Police ${Date.now()}`, sector: AgencySector.POLICE });
    const to = await anAgency(em, { name: `Northshire NHS ${Date.now()}`, sector: AgencySector.HEALTH });
    const session = await aSession(em, await aCourse(em), { capacity: 3 });
    const { person, cookie } = await practitioner({ agency: from });
    const res = await book(cookie, session.id);
    expect(res.errors).toBeUndefined();
    await api.orm.em.fork().nativeUpdate(Person, { id: person.id }, { agency: to.id });
    const stored = await api.orm.em.fork().findOneOrFail(Booking, res.data!.bookSession.id);
    expect(stored.agency?.id).toBe(from.id);
  });

  it('confirms a place and records who booked', async () => {
    const session = await aSession(api.orm.em.fork(), await aCourse(api.orm.em.fork()), { capacity: 3 });
    const { person, cookie } = await practitioner({ name: 'Priya Shah' });
    const res = await book(cookie, session.id, { accessNeeds: 'Hearing loop please', dietaryNeeds: 'Vegetarian' });
    expect(res.errors).toBeUndefined();
    expect(res.data!.bookSession).toMatchObject({
      status: 'CONFIRMED',
      accessNeeds: 'Hearing loop please',
      dietaryNeeds: 'Vegetarian',
      person: { id: person.id },
      history: [{ action: 'booked', fromStatus: null, toStatus: 'CONFIRMED', actorName: 'Priya Shah', reason: null }],
    });
    const mine = await gql<{ myBookings: { upcoming: { id: string }[] } }>(api.url, MINE, {}, cookie);
    expect(mine.data!.myBookings.upcoming.map((b) => b.id)).toEqual([res.data!.bookSession.id]);
  });

  it('puts people on the waiting list in order when full, and nobody jumps the queue', async () => {
    const session = await aSession(api.orm.em.fork(), await aCourse(api.orm.em.fork()), { capacity: 1 });
    const a = await practitioner();
    const b = await practitioner();
    const c = await practitioner();
    expect((await book(a.cookie, session.id)).data!.bookSession.status).toBe('CONFIRMED');
    const bRes = (await book(b.cookie, session.id)).data!.bookSession;
    const cRes = (await book(c.cookie, session.id)).data!.bookSession;
    expect([bRes.status, bRes.waitlistPosition]).toEqual(['WAITLISTED', 1]);
    expect([cRes.status, cRes.waitlistPosition]).toEqual(['WAITLISTED', 2]);
  });

  it('allows one booking per session and per course', async () => {
    const course = await aCourse(api.orm.em.fork());
    const s1 = await aSession(api.orm.em.fork(), course, { inDays: 10 });
    const s2 = await aSession(api.orm.em.fork(), course, { inDays: 20 });
    const p = await practitioner();
    expect((await book(p.cookie, s1.id)).errors).toBeUndefined();
    const again = await book(p.cookie, s1.id);
    expect(again.errors?.[0]?.extensions?.code).toBe('ALREADY_BOOKED');
    const other = await book(p.cookie, s2.id);
    expect(other.errors?.[0]?.extensions?.code).toBe('ALREADY_BOOKED_ON_COURSE');
    expect(other.errors?.[0]?.message).toMatch(/already have a booking on this course/);
    expect(await bookingCount(s2.id)).toBe(0);
  });

  it('refuses past, cancelled, not yet open and closed sessions with their own codes, writing nothing', async () => {
    const em = api.orm.em.fork();
    const course = await aCourse(em);
    const past = await aSession(em, course, { inDays: -3 });
    const cancelled = await aSession(em, course, { status: SessionStatus.CANCELLED });
    const notOpen = await aSession(em, course);
    const closed = await aSession(em, course);
    await em.nativeUpdate(Session, { id: notOpen.id }, { bookingOpensAt: new Date(Date.now() + 86_400_000) });
    await em.nativeUpdate(Session, { id: closed.id }, { bookingClosesAt: new Date(Date.now() - 1000) });
    const p = await practitioner();
    for (const [s, code] of [
      [past, 'SESSION_STARTED'],
      [cancelled, 'SESSION_CANCELLED'],
      [notOpen, 'BOOKING_NOT_OPEN'],
      [closed, 'BOOKING_CLOSED'],
    ] as const) {
      const res = await book(p.cookie, s.id);
      expect(res.errors?.[0]?.extensions?.code).toBe(code);
      expect(res.errors?.[0]?.message.length).toBeGreaterThan(20);
      expect(await bookingCount(s.id)).toBe(0);
    }
    const unknown = await book(p.cookie, '00000000-0000-4000-8000-000000000000');
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const bad = await book(p.cookie, 'nonsense');
    expect(bad.errors?.[0]?.extensions?.fields).toEqual([{ field: 'input.sessionId', message: 'Choose a session from the list' }]);
  });

  it('needs sign-in to book', async () => {
    const session = await aSession(api.orm.em.fork(), await aCourse(api.orm.em.fork()));
    const res = await gql(api.url, BOOK, { input: { sessionId: session.id } });
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('keeps one booking per idempotency key, even for simultaneous retries', async () => {
    const session = await aSession(api.orm.em.fork(), await aCourse(api.orm.em.fork()), { capacity: 10 });
    const p = await practitioner();
    const results = await Promise.all([1, 2, 3, 4].map(() => book(p.cookie, session.id, { idempotencyKey: 'retry-key-0001' })));
    const ids = new Set(results.map((r) => r.data?.bookSession.id));
    expect(results.every((r) => r.errors === undefined)).toBe(true);
    expect(ids.size).toBe(1);
    expect(await bookingCount(session.id)).toBe(1);
  });

  it('never overbooks: 40 people booking the last 5 places at once', async () => {
    const session = await aSession(api.orm.em.fork(), await aCourse(api.orm.em.fork()), { capacity: 8 });
    const early = await Promise.all([1, 2, 3].map(() => practitioner()));
    for (const e of early) {
      await book(e.cookie, session.id);
    }
    const crowd: { cookie: string }[] = [];
    for (let i = 0; i < 40; i++) {
      crowd.push(await practitioner({ password: 'same-password-for-the-crowd' }));
    }
    const results = await Promise.all(crowd.map((c) => book(c.cookie, session.id)));
    expect(results.filter((r) => r.errors).map((r) => r.errors)).toEqual([]);
    const statuses = results.map((r) => r.data!.bookSession.status);
    expect(statuses.filter((s) => s === 'CONFIRMED')).toHaveLength(5);
    expect(statuses.filter((s) => s === 'WAITLISTED')).toHaveLength(35);
    const em = api.orm.em.fork();
    expect(await em.count(Booking, { session: session.id, status: BookingStatus.CONFIRMED })).toBe(8);
    const positions = results.map((r) => r.data!.bookSession.waitlistPosition).filter((p): p is number => p !== null);
    expect(positions.sort((x, y) => x - y)).toEqual(Array.from({ length: 35 }, (_, i) => i + 1));
  }, 60_000);

  it('cancels freely before the cut-off and records a late cancellation after it', async () => {
    const course = await aCourse(api.orm.em.fork());
    const far = await aSession(api.orm.em.fork(), course, { inDays: 30 });
    const soon = await aSession(api.orm.em.fork(), await aCourse(api.orm.em.fork()), { inDays: 2 });
    const p = await practitioner();
    const early = (await book(p.cookie, far.id)).data!.bookSession;
    const late = (await book(p.cookie, soon.id)).data!.bookSession;
    const c1 = await gql<{ cancelBooking: BookingResult }>(api.url, CANCEL, { id: early.id }, p.cookie);
    expect(c1.data!.cancelBooking).toMatchObject({ status: 'CANCELLED', lateCancellation: false });
    const c2 = await gql<{ cancelBooking: BookingResult }>(api.url, CANCEL, { id: late.id, reason: 'Off sick' }, p.cookie);
    expect(c2.data!.cancelBooking.lateCancellation).toBe(true);
    expect(c2.data!.cancelBooking.history.map((h) => h.action)).toEqual(['booked', 'cancelled-late']);
    const twice = await gql(api.url, CANCEL, { id: late.id }, p.cookie);
    expect(twice.errors?.[0]?.extensions?.code).toBe('INVALID_TRANSITION');
  });

  it('keeps bookings private: another practitioner can neither see nor cancel them', async () => {
    const session = await aSession(api.orm.em.fork(), await aCourse(api.orm.em.fork()));
    const owner = await practitioner();
    const other = await practitioner();
    const b = (await book(owner.cookie, session.id, { accessNeeds: 'Wheelchair user' })).data!.bookSession;
    for (const q of [BOOKING, CANCEL]) {
      const res = await gql(api.url, q, { id: b.id }, other.cookie);
      expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
    const roster = await gql(api.url, ROSTER, { id: session.id }, other.cookie);
    expect(roster.errors?.[0]?.extensions?.code).toBe('NOT_ALLOWED');
    const asCoordinator = await gql<{ booking: { accessNeeds: string } }>(api.url, BOOKING, { id: b.id }, coordinatorCookie);
    expect(asCoordinator.data!.booking.accessNeeds).toBe('Wheelchair user');
  });

  it('offers a freed place to the first in line, who can accept; a decline passes it on', async () => {
    const session = await aSession(api.orm.em.fork(), await aCourse(api.orm.em.fork()), { capacity: 1, inDays: 20 });
    const [holder, first, second] = await Promise.all([practitioner(), practitioner(), practitioner()]);
    const held = (await book(holder.cookie, session.id)).data!.bookSession;
    const w1 = (await book(first.cookie, session.id)).data!.bookSession;
    const w2 = (await book(second.cookie, session.id)).data!.bookSession;

    await gql(api.url, CANCEL, { id: held.id }, holder.cookie);
    const offered = await gql<{ booking: BookingResult & { status: string } }>(api.url, BOOKING, { id: w1.id }, first.cookie);
    expect(offered.data!.booking.status).toBe('OFFERED');
    expect(offered.data!.booking.history.map((h) => h.action)).toEqual(['booked', 'offered']);
    // the second person cannot take it
    expect((await gql(api.url, ACCEPT, { id: w2.id }, second.cookie)).errors?.[0]?.extensions?.code).toBe('INVALID_TRANSITION');

    const declined = await gql<{ declineOffer: { status: string } }>(api.url, DECLINE, { id: w1.id }, first.cookie);
    expect(declined.data!.declineOffer.status).toBe('CANCELLED');
    const accepted = await gql<{ acceptOffer: { status: string } }>(api.url, ACCEPT, { id: w2.id }, second.cookie);
    expect(accepted.data!.acceptOffer.status).toBe('CONFIRMED');
    expect(await api.orm.em.fork().count(Booking, { session: session.id, status: BookingStatus.CONFIRMED })).toBe(1);
  });

  it('expires an unanswered offer and passes the place on; an expired offer cannot be accepted', async () => {
    const session = await aSession(api.orm.em.fork(), await aCourse(api.orm.em.fork()), { capacity: 1, inDays: 20 });
    const [holder, first, second] = await Promise.all([practitioner(), practitioner(), practitioner()]);
    const held = (await book(holder.cookie, session.id)).data!.bookSession;
    const w1 = (await book(first.cookie, session.id)).data!.bookSession;
    const w2 = (await book(second.cookie, session.id)).data!.bookSession;
    await gql(api.url, CANCEL, { id: held.id }, holder.cookie);

    const in49Hours = new Date(Date.now() + 49 * 3_600_000);
    await service.expireHolds(in49Hours);
    const expired = await gql<{ booking: { status: string } }>(api.url, BOOKING, { id: w1.id }, first.cookie);
    expect(expired.data!.booking.status).toBe('EXPIRED');
    const late = await gql(api.url, ACCEPT, { id: w1.id }, first.cookie);
    expect(late.errors?.[0]?.extensions?.code).toBe('INVALID_TRANSITION');
    const next = await gql<{ booking: { status: string } }>(api.url, BOOKING, { id: w2.id }, second.cookie);
    expect(next.data!.booking.status).toBe('OFFERED');
  });

  it('refuses to accept an offer after its deadline even before the expiry job runs', async () => {
    const session = await aSession(api.orm.em.fork(), await aCourse(api.orm.em.fork()), { capacity: 1, inDays: 20 });
    const [holder, waiter] = await Promise.all([practitioner(), practitioner()]);
    const held = (await book(holder.cookie, session.id)).data!.bookSession;
    const w = (await book(waiter.cookie, session.id)).data!.bookSession;
    await gql(api.url, CANCEL, { id: held.id }, holder.cookie);
    await api.orm.em.fork().nativeUpdate(Booking, { id: w.id }, { offerExpiresAt: new Date(Date.now() - 1000) });
    const res = await gql(api.url, ACCEPT, { id: w.id }, waiter.cookie);
    expect(res.errors?.[0]?.extensions?.code).toBe('OFFER_EXPIRED');
    const still = await gql<{ booking: { status: string } }>(api.url, BOOKING, { id: w.id }, waiter.cookie);
    expect(still.data!.booking.status).toBe('OFFERED');
  });

  it('lets the coordinator promote by hand when automatic offers are off', async () => {
    const session = await aSession(api.orm.em.fork(), await aCourse(api.orm.em.fork()), { capacity: 1, inDays: 20 });
    await gql(
      api.url,
      `mutation($id: ID!) { setSessionAutoOffer(sessionId: $id, automatic: false) { autoOfferWaitlist } }`,
      { id: session.id },
      coordinatorCookie,
    );
    const [holder, waiter] = await Promise.all([practitioner(), practitioner()]);
    const held = (await book(holder.cookie, session.id)).data!.bookSession;
    const w = (await book(waiter.cookie, session.id)).data!.bookSession;
    await gql(api.url, CANCEL, { id: held.id }, holder.cookie);
    const roster = await gql<{ sessionRoster: { placesLeft: number; waiting: { id: string }[] } }>(
      api.url,
      ROSTER,
      { id: session.id },
      coordinatorCookie,
    );
    expect(roster.data!.sessionRoster).toMatchObject({ placesLeft: 1, waiting: [{ id: w.id }] });
    const promoted = await gql<{ confirmBooking: { status: string } }>(
      api.url,
      `mutation($id: ID!) { confirmBooking(bookingId: $id) { status } }`,
      { id: w.id },
      coordinatorCookie,
    );
    expect(promoted.data!.confirmBooking.status).toBe('CONFIRMED');
    const practitionerTry = await gql(
      api.url,
      `mutation($id: ID!) { confirmBooking(bookingId: $id) { status } }`,
      { id: w.id },
      waiter.cookie,
    );
    expect(practitionerTry.errors?.[0]?.extensions?.code).toBe('NOT_ALLOWED');
  });

  it('refuses capacity below the places taken, and raising it offers places', async () => {
    const session = await aSession(api.orm.em.fork(), await aCourse(api.orm.em.fork()), { capacity: 2, inDays: 20 });
    const people = await Promise.all([1, 2, 3, 4].map(() => practitioner()));
    const results = [];
    for (const p of people) {
      results.push((await book(p.cookie, session.id)).data!.bookSession);
    }
    const CAP = `mutation($input: ChangeCapacityInput!) { changeSessionCapacity(input: $input) { capacity placesLeft pending { id status } waiting { id } } }`;
    const low = await gql(api.url, CAP, { input: { sessionId: session.id, capacity: 1 } }, coordinatorCookie);
    expect(low.errors?.[0]?.extensions?.code).toBe('CAPACITY_BELOW_CONFIRMED');
    expect(low.errors?.[0]?.message).toMatch(/2 places already taken/);
    expect((await api.orm.em.fork().findOneOrFail(Session, session.id)).capacity).toBe(2);
    const high = await gql<{ changeSessionCapacity: { capacity: number; pending: { id: string; status: string }[]; waiting: unknown[] } }>(
      api.url,
      CAP,
      { input: { sessionId: session.id, capacity: 3 } },
      coordinatorCookie,
    );
    expect(high.data!.changeSessionCapacity.capacity).toBe(3);
    expect(high.data!.changeSessionCapacity.pending).toEqual([{ id: results[2]!.id, status: 'OFFERED' }]);
    expect(high.data!.changeSessionCapacity.waiting).toHaveLength(1);
  });

  it('applies audiences and prerequisites, with the reason; a coordinator can add anyone with a reason', async () => {
    const em = api.orm.em.fork();
    const police = await anAgency(em, { sector: AgencySector.POLICE });
    const school = await anAgency(em, { sector: AgencySector.EDUCATION });
    const level2 = await aCourse(em, { title: 'DASH risk checklist' });
    const level3 = await aCourse(em, { title: 'Domestic abuse: specialist' });
    await em.nativeUpdate(Course, { id: level3.id }, { audienceSectors: [AgencySector.POLICE], prerequisite: level2.id });
    const session = await aSession(em, level3, { capacity: 5 });

    const teacher = await practitioner({ agency: school });
    const officer = await practitioner({ agency: police });
    const notEligible = await book(teacher.cookie, session.id);
    expect(notEligible.errors?.[0]?.extensions?.code).toBe('NOT_ELIGIBLE');
    const noPrereq = await book(officer.cookie, session.id);
    expect(noPrereq.errors?.[0]?.extensions?.code).toBe('PREREQUISITE_NOT_MET');
    expect(noPrereq.errors?.[0]?.message).toBe('You need to attend "DASH risk checklist" before you can book this course.');

    // attending the prerequisite (the signed-off register of a session that has ended says so) opens it
    const pastL2 = await aSession(em, level2, { inDays: -30 });
    const place = em.create(Booking, { session: pastL2, person: officer.person.id, status: BookingStatus.CONFIRMED });
    await em.flush();
    await takeRegisters(api, coordinatorCookie, pastL2.id, { [place.id]: 'PRESENT' });
    expect((await book(officer.cookie, session.id)).data!.bookSession.status).toBe('CONFIRMED');

    const added = await gql<{ addPersonToSession: BookingResult }>(
      api.url,
      `mutation($input: AddPersonToSessionInput!) { addPersonToSession(input: $input) { id status history { action actorName reason } } }`,
      { input: { sessionId: session.id, personEmail: teacher.person.email, reason: 'DSL covering for police liaison' } },
      coordinatorCookie,
    );
    expect(added.data!.addPersonToSession).toMatchObject({
      status: 'CONFIRMED',
      history: [{ action: 'added-by-coordinator', actorName: 'Claire Coordinator', reason: 'DSL covering for police liaison' }],
    });

    // but not someone whose account is deactivated: nothing is written
    const left = await aPerson(em, { name: 'Len Left', status: PersonStatus.DEACTIVATED });
    const refused = await gql(
      api.url,
      `mutation($input: AddPersonToSessionInput!) { addPersonToSession(input: $input) { id } }`,
      { input: { sessionId: session.id, personEmail: left.email, reason: 'Asked by phone' } },
      coordinatorCookie,
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('NOT_ALLOWED');
    expect(refused.errors?.[0]?.message).toBe('Len Left cannot be booked: their account is deactivated.');
    expect(await api.orm.em.fork().count(Booking, { person: left.id })).toBe(0);
  });

  it('asks for the manager when the course needs approval, holds the place, and releases it on expiry', async () => {
    const em = api.orm.em.fork();
    const course = await aCourse(em);
    await em.nativeUpdate(Course, { id: course.id }, { requiresApproval: true });
    const session = await aSession(em, course, { capacity: 1, inDays: 20 });
    const volunteers = await anAgency(em, { sector: AgencySector.VOLUNTARY_AND_COMMUNITY });
    await em.nativeUpdate('Agency', { id: volunteers.id }, { approvalExempt: true });

    const p = await practitioner();
    const missing = await book(p.cookie, session.id);
    expect(missing.errors?.[0]?.extensions?.code).toBe('MANAGER_EMAIL_REQUIRED');
    expect(missing.errors?.[0]?.extensions?.fields).toEqual([
      { field: 'input.managerEmail', message: "Enter your line manager's email address" },
    ]);

    const pending = (await book(p.cookie, session.id, { managerEmail: 'Boss@Example.org' })).data!.bookSession;
    expect(pending.status).toBe('PENDING_APPROVAL');
    const volunteer = await practitioner({ agency: volunteers });
    const waiting = (await book(volunteer.cookie, session.id)).data!.bookSession;
    expect(waiting.status).toBe('WAITLISTED');

    expect(await service.expireHolds(new Date(Date.now() + 6 * 86_400_000))).toBeGreaterThanOrEqual(1);
    const after = await gql<{ booking: { status: string } }>(api.url, BOOKING, { id: pending.id }, p.cookie);
    expect(after.data!.booking.status).toBe('EXPIRED');
    const offered = await gql<{ booking: { status: string } }>(api.url, BOOKING, { id: waiting.id }, volunteer.cookie);
    expect(offered.data!.booking.status).toBe('OFFERED');
    // an exempt volunteer goes straight to confirmed when accepting
    const accepted = await gql<{ acceptOffer: { status: string } }>(api.url, ACCEPT, { id: waiting.id }, volunteer.cookie);
    expect(accepted.data!.acceptOffer.status).toBe('CONFIRMED');
  });
});
