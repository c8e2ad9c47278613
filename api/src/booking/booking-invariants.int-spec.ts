import { BookingStatus, Role } from '@lh/domain';
import { aCourse, aPerson, aSession } from '../../test/builders';
import { gql, signInAs, startTestApi, type GqlResult, type TestApi } from '../../test/test-db';
import { takeRegisters } from '../../test/registers';
import { Course } from '../catalogue/course.entity';
import { SessionPart } from '../scheduling/session-part.entity';
import { Session } from '../scheduling/session.entity';
import { BookingEvent } from './booking-event.entity';
import { Booking } from './booking.entity';

/** Booking rules that must hold whatever shape the services take, checked through GraphQL over HTTP. */
const BOOK = `mutation($input: BookSessionInput!) { bookSession(input: $input) { id status session { id } } }`;
const CANCEL = `mutation($id: ID!) { cancelBooking(bookingId: $id) { id status lateCancellation history { action fromStatus toStatus } } }`;
const CONFIRM = `mutation($id: ID!) { confirmBooking(bookingId: $id) { id status } }`;

type Booked = { bookSession: { id: string; status: string; session: { id: string } } };
const code = (res: GqlResult) => res.errors?.[0]?.extensions?.code;
const DAY = 86_400_000;

describe('booking invariants (real API, real PostgreSQL)', () => {
  let api: TestApi;
  let coordinatorCookie: string;

  beforeAll(async () => {
    api = await startTestApi();
    coordinatorCookie = await signInAs(api.url, await aPerson(api.orm.em.fork(), { roles: [Role.COORDINATOR] }));
  });
  afterAll(() => api.close());

  const em = () => api.orm.em.fork();
  async function practitioner() {
    const person = await aPerson(em());
    return { person, cookie: await signInAs(api.url, person) };
  }
  const book = (cookie: string, sessionId: string, extra: Record<string, unknown> = {}) =>
    gql<Booked>(api.url, BOOK, { input: { sessionId, ...extra } }, cookie);
  const statusOf = async (bookingId: string) => (await em().findOneOrFail(Booking, bookingId)).status;

  describe('idempotency keys', () => {
    it('refuses a key reused for another session with IDEMPOTENCY_CONFLICT, and returns the same booking on the same session', async () => {
      const first = await aSession(em(), await aCourse(em()));
      const other = await aSession(em(), await aCourse(em()));
      const p = await practitioner();
      const key = 'request-key-0001';

      const original = await book(p.cookie, first.id, { idempotencyKey: key });
      expect(original.data!.bookSession.status).toBe('CONFIRMED');

      const conflict = await book(p.cookie, other.id, { idempotencyKey: key });
      expect(code(conflict)).toBe('IDEMPOTENCY_CONFLICT');
      expect(conflict.errors?.[0]?.message).toBe('This request key was already used for another session.');
      expect(conflict.data).toBeNull();
      expect(await em().count(Booking, { session: other.id })).toBe(0);

      const retry = await book(p.cookie, first.id, { idempotencyKey: key });
      expect(retry.errors).toBeUndefined();
      expect(retry.data!.bookSession.id).toBe(original.data!.bookSession.id);
      expect(await em().count(Booking, { person: p.person.id })).toBe(1);
      expect(await em().count(BookingEvent, { booking: { person: p.person.id } })).toBe(1);

      // the key belongs to the person: someone else may use the same one for the other session
      const q = await practitioner();
      const theirs = await book(q.cookie, other.id, { idempotencyKey: key });
      expect(theirs.data!.bookSession.status).toBe('CONFIRMED');
    });
  });

  describe('prerequisites', () => {
    it('count once the register shows the person attended: not while booked, nor once the session has only ended', async () => {
      const e = em();
      const basics = await aCourse(e, { title: 'Safeguarding basics' });
      const advanced = await aCourse(e, { title: 'Safeguarding advanced' });
      await e.nativeUpdate(Course, { id: advanced.id }, { prerequisite: basics.id });
      const basicsSession = await aSession(e, basics, { inDays: 5 });
      const advancedSession = await aSession(e, advanced, { inDays: 40 });
      const p = await practitioner();

      const place = await book(p.cookie, basicsSession.id);
      expect(place.data!.bookSession.status).toBe('CONFIRMED');
      const booked = await book(p.cookie, advancedSession.id);
      expect(code(booked)).toBe('PREREQUISITE_NOT_MET');
      expect(booked.errors?.[0]?.message).toBe('You need to attend "Safeguarding basics" before you can book this course.');

      const moveTo = async (startsAt: Date, endsAt: Date) => {
        const m = em();
        await m.nativeUpdate(Session, { id: basicsSession.id }, { startsAt, endsAt });
        await m.nativeUpdate(SessionPart, { session: basicsSession.id }, { startsAt, endsAt });
      };
      // started but not finished, then ended with no register: still not met (booking is not attending)
      await moveTo(new Date(Date.now() - 3_600_000), new Date(Date.now() + 3_600_000));
      expect(code(await book(p.cookie, advancedSession.id))).toBe('PREREQUISITE_NOT_MET');
      await moveTo(new Date(Date.now() - 2 * DAY), new Date(Date.now() - 2 * DAY + 3 * 3_600_000));
      expect(code(await book(p.cookie, advancedSession.id))).toBe('PREREQUISITE_NOT_MET');
      expect(await em().count(Booking, { session: advancedSession.id })).toBe(0);

      // the register says they were there, and is signed off: met
      await takeRegisters(api, coordinatorCookie, basicsSession.id, { [place.data!.bookSession.id]: 'PRESENT' });
      const allowed = await book(p.cookie, advancedSession.id);
      expect(allowed.errors).toBeUndefined();
      expect(allowed.data!.bookSession.status).toBe('CONFIRMED');
    });
  });

  describe('one live booking per person per course', () => {
    it('simultaneous bookings by one person on several sessions of a course give exactly one booking', async () => {
      // several people at once, each sending one request per session of their own course at the same moment
      const PEOPLE = 4;
      const SESSIONS = 5;
      const rounds = await Promise.all(
        Array.from({ length: PEOPLE }, async () => {
          const course = await aCourse(em());
          const sessions = [];
          for (let i = 0; i < SESSIONS; i++) {
            sessions.push(await aSession(em(), course, { inDays: 10 + i }));
          }
          return { course, sessions, ...(await practitioner()) };
        }),
      );
      const results = await Promise.all(rounds.map((r) => Promise.all(r.sessions.map((s) => book(r.cookie, s.id)))));

      for (const [i, r] of rounds.entries()) {
        const answers = results[i]!;
        const ok = answers.filter((a) => !a.errors);
        expect(ok.map((a) => a.data!.bookSession.status)).toEqual(['CONFIRMED']);
        expect(answers.filter((a) => a.errors).map(code)).toEqual(Array(SESSIONS - 1).fill('ALREADY_BOOKED_ON_COURSE'));
        const live = await em().find(Booking, { person: r.person.id, status: { $ne: BookingStatus.CANCELLED } });
        expect(live.map((b) => b.id)).toEqual([ok[0]!.data!.bookSession.id]);
      }
    });
  });

  describe('confirming from the waiting list', () => {
    it('is refused with SESSION_FULL when the session is full, and the booking stays WAITLISTED', async () => {
      const session = await aSession(em(), await aCourse(em()), { capacity: 1 });
      const holder = await practitioner();
      const waiter = await practitioner();
      expect((await book(holder.cookie, session.id)).data!.bookSession.status).toBe('CONFIRMED');
      const waiting = (await book(waiter.cookie, session.id)).data!.bookSession;
      expect(waiting.status).toBe('WAITLISTED');

      const res = await gql(api.url, CONFIRM, { id: waiting.id }, coordinatorCookie);
      expect(code(res)).toBe('SESSION_FULL');
      expect(res.errors?.[0]?.message).toBe('The session is full. Raise its capacity or cancel a booking first.');
      expect(await statusOf(waiting.id)).toBe(BookingStatus.WAITLISTED);
      expect(await em().count(BookingEvent, { booking: waiting.id })).toBe(1);
      expect(await em().count(Booking, { session: session.id, status: BookingStatus.CONFIRMED })).toBe(1);
    });
  });

  describe('late cancellations', () => {
    it('leaving the waiting list inside the cut-off is never late; cancelling a place then is', async () => {
      const course = await aCourse(em());
      await em().nativeUpdate(Course, { id: course.id }, { cancellationCutoffWorkingDays: 3 });
      const session = await aSession(em(), course, { capacity: 1, inDays: 1 });
      const holder = await practitioner();
      const waiter = await practitioner();
      const held = (await book(holder.cookie, session.id)).data!.bookSession;
      const waiting = (await book(waiter.cookie, session.id)).data!.bookSession;
      expect([held.status, waiting.status]).toEqual(['CONFIRMED', 'WAITLISTED']);

      type Cancelled = { cancelBooking: { status: string; lateCancellation: boolean; history: { action: string }[] } };
      const left = await gql<Cancelled>(api.url, CANCEL, { id: waiting.id }, waiter.cookie);
      expect(left.errors).toBeUndefined();
      expect(left.data!.cancelBooking).toMatchObject({ status: 'CANCELLED', lateCancellation: false });
      expect(left.data!.cancelBooking.history.map((h) => h.action)).toEqual(['booked', 'left-waiting-list']);
      expect((await em().findOneOrFail(Booking, waiting.id)).lateCancellation).toBe(false);

      // the same moment is inside the cut-off for a place held
      const cancelled = await gql<Cancelled>(api.url, CANCEL, { id: held.id }, holder.cookie);
      expect(cancelled.data!.cancelBooking.lateCancellation).toBe(true);
      expect(cancelled.data!.cancelBooking.history.map((h) => h.action)).toEqual(['booked', 'cancelled-late']);
    });
  });
});
