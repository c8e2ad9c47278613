import { cancellationDeadline, londonToUtc } from '@lh/domain';
import { aCourse, aPerson, aSession } from '../../test/builders';
import { gql, signInAs, startTestApi, type TestApi } from '../../test/test-db';
import { Course } from '../catalogue/course.entity';
import { Clock } from '../common/clock';
import { SessionPart } from '../scheduling/session-part.entity';
import { Session } from '../scheduling/session.entity';
import { Booking } from './booking.entity';

/**
 * The working-day cut-off at its exact boundary, through the API with the clock fixed.
 * `cancellationDeadline` is the last instant a cancellation is NOT late (the end of the London day
 * `cutoffWorkingDays` working days before the session's first day); one millisecond later it is late.
 */
const BOOK = `mutation($input: BookSessionInput!) { bookSession(input: $input) { id status cancellationDeadline } }`;
const CANCEL = `mutation($id: ID!) { cancelBooking(bookingId: $id) { id status lateCancellation cancelledAt history { action } } }`;

type Cancelled = { cancelBooking: { status: string; lateCancellation: boolean; cancelledAt: string; history: { action: string }[] } };

describe('cancellation cut-off at its exact boundary (real API, real PostgreSQL, fixed clock)', () => {
  let api: TestApi;
  let clock: Clock;

  beforeAll(async () => {
    api = await startTestApi();
    clock = api.app.get(Clock);
  });
  afterEach(() => clock.fixAt(null));
  afterAll(() => api.close());

  const em = () => api.orm.em.fork();

  /**
   * Tuesday 30 March 2027, 9:30am BST, 3 working days' notice. Counting back: Monday 29 (Easter Monday),
   * Sunday 28 (the clocks go forward), Saturday 27, Friday 26 (Good Friday) do not count; Thursday 25,
   * Wednesday 24 and Tuesday 23 do. So the deadline is the end of Tuesday 23 March, still GMT.
   */
  async function sessionAfterEaster() {
    const course = await aCourse(em());
    await em().nativeUpdate(Course, { id: course.id }, { cancellationCutoffWorkingDays: 3 });
    const session = await aSession(em(), course, { capacity: 10 });
    const startsAt = londonToUtc('2027-03-30', '09:30');
    const endsAt = londonToUtc('2027-03-30', '12:30');
    await em().nativeUpdate(Session, { id: session.id }, { startsAt, endsAt });
    await em().nativeUpdate(SessionPart, { session: session.id }, { startsAt, endsAt });
    return { session, startsAt };
  }

  async function bookedPlace(sessionId: string) {
    const person = await aPerson(em());
    const cookie = await signInAs(api.url, person);
    const res = await gql<{ bookSession: { id: string; status: string; cancellationDeadline: string } }>(
      api.url,
      BOOK,
      { input: { sessionId } },
      cookie,
    );
    expect(res.data!.bookSession.status).toBe('CONFIRMED');
    return { person, cookie, booking: res.data!.bookSession };
  }

  async function cancelAt(at: Date, place: { person: { email: string; password: string }; booking: { id: string } }) {
    clock.fixAt(at);
    // sessions expire by the same clock: sign in at that moment, as the person would
    const cookie = await signInAs(api.url, place.person);
    const res = await gql<Cancelled>(api.url, CANCEL, { id: place.booking.id }, cookie);
    clock.fixAt(null);
    expect(res.errors).toBeUndefined();
    return res.data!.cancelBooking;
  }

  it('skips the weekend and the Easter bank holidays when counting working days', async () => {
    const { session, startsAt } = await sessionAfterEaster();
    const deadline = cancellationDeadline(startsAt, 3);
    expect(deadline.toISOString()).toBe('2027-03-23T23:59:59.999Z');
    const place = await bookedPlace(session.id);
    expect(place.booking.cancellationDeadline).toBe(deadline.toISOString());
  });

  it('is not late one millisecond before the deadline', async () => {
    const { session, startsAt } = await sessionAfterEaster();
    const deadline = cancellationDeadline(startsAt, 3);
    const c = await cancelAt(new Date(deadline.getTime() - 1), await bookedPlace(session.id));
    expect(c).toMatchObject({ status: 'CANCELLED', lateCancellation: false, cancelledAt: '2027-03-23T23:59:59.998Z' });
    expect(c.history.map((h) => h.action)).toEqual(['booked', 'cancelled']);
  });

  it('is not late at the deadline itself (the last moment to cancel freely)', async () => {
    const { session, startsAt } = await sessionAfterEaster();
    const deadline = cancellationDeadline(startsAt, 3);
    const place = await bookedPlace(session.id);
    const c = await cancelAt(deadline, place);
    expect(c).toMatchObject({ status: 'CANCELLED', lateCancellation: false, cancelledAt: deadline.toISOString() });
    expect((await em().findOneOrFail(Booking, place.booking.id)).lateCancellation).toBe(false);
  });

  it('is late one millisecond after the deadline (midnight starting Wednesday 24 March)', async () => {
    const { session, startsAt } = await sessionAfterEaster();
    const deadline = cancellationDeadline(startsAt, 3);
    const place = await bookedPlace(session.id);
    const c = await cancelAt(new Date(deadline.getTime() + 1), place);
    expect(c).toMatchObject({ status: 'CANCELLED', lateCancellation: true, cancelledAt: '2027-03-24T00:00:00.000Z' });
    expect(c.history.map((h) => h.action)).toEqual(['booked', 'cancelled-late']);
    expect((await em().findOneOrFail(Booking, place.booking.id)).lateCancellation).toBe(true);
  });
});
