import { Role } from '@lh/domain';
import { aCourse, aPerson, aSession } from '../../test/builders';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { gql, signInAs, startTestApi, type TestApi } from '../../test/test-db';

const BOOK = `mutation($input: BookSessionInput!) { bookSession(input: $input) { id status } }`;
const CANCEL = `mutation($id: ID!) { cancelBooking(bookingId: $id) { id status } }`;
const MOVE = `mutation($input: MoveBookingInput!) { moveBooking(input: $input) { id } }`;

const outcome = (r: { errors?: { extensions?: { code?: string }; message: string }[] }) =>
  r.errors ? `${r.errors[0]!.extensions?.code}: ${r.errors[0]!.message}` : 'OK';

/** Booking changes are counted per signed-in person (not per IP address: a whole office may share one). */
describe('booking mutations are rate limited per person', () => {
  let api: TestApi;
  beforeAll(async () => {
    const base = await startTestApi();
    const limits = base.app.get<symbol, AppConfig>(APP_CONFIG).rateLimits;
    await base.close();
    api = await startTestApi({ rateLimits: { ...limits, BOOKING_PER_PERSON: { points: 3, seconds: 600 } } });
  });
  afterAll(() => api.close());

  it('refuses the fourth booking change by one person within the window with a sentence; another person on the same address books', async () => {
    const em = api.orm.em.fork();
    const course = await aCourse(em);
    const [a, b, c] = [await aSession(em, course), await aSession(em, course), await aSession(em, course)];
    const busy = await aPerson(em, { name: 'Busy Bea' });
    const calm = await aPerson(em, { name: 'Calm Cal' });
    const [busyCookie, calmCookie] = [await signInAs(api.url, busy), await signInAs(api.url, calm)];
    const sameOffice = { 'x-forwarded-for': '192.0.2.10' };

    const first = await gql<{ bookSession: { id: string } }>(api.url, BOOK, { input: { sessionId: a.id } }, busyCookie, sameOffice);
    const answers = [
      outcome(first),
      outcome(await gql(api.url, CANCEL, { id: first.data!.bookSession.id }, busyCookie, sameOffice)),
      outcome(await gql(api.url, BOOK, { input: { sessionId: b.id } }, busyCookie, sameOffice)),
      outcome(await gql(api.url, BOOK, { input: { sessionId: c.id } }, busyCookie, sameOffice)),
    ];
    expect(answers).toEqual(['OK', 'OK', 'OK', 'TOO_MANY_ATTEMPTS: Too many attempts. Try again in 10 minutes.']);
    expect(outcome(await gql(api.url, BOOK, { input: { sessionId: c.id } }, calmCookie, sameOffice))).toBe('OK');
  });

  it("counts a coordinator's moves against the coordinator", async () => {
    const em = api.orm.em.fork();
    const course = await aCourse(em);
    const [from, to] = [await aSession(em, course), await aSession(em, course)];
    const coordinator = await aPerson(em, { roles: [Role.COORDINATOR] });
    const cookie = await signInAs(api.url, coordinator);
    const people = [await aPerson(em), await aPerson(em), await aPerson(em), await aPerson(em)];
    const answers: string[] = [];
    for (const p of people) {
      const booked = await gql<{ bookSession: { id: string } }>(
        api.url,
        BOOK,
        { input: { sessionId: from.id } },
        await signInAs(api.url, p),
      );
      answers.push(
        outcome(
          await gql(
            api.url,
            MOVE,
            { input: { bookingId: booked.data!.bookSession.id, toSessionId: to.id, reason: 'Room change' } },
            cookie,
          ),
        ),
      );
    }
    expect(answers).toEqual(['OK', 'OK', 'OK', 'TOO_MANY_ATTEMPTS: Too many attempts. Try again in 10 minutes.']);
  });
});
