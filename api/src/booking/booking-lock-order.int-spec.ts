// One person in two tabs: booking a session at the same moment as cancelling, accepting or declining their
// place on it. Every change takes its locks in an order that cannot deadlock (the person's row is locked
// FOR NO KEY UPDATE, so the booking history's foreign key to it never waits), so each request gets an answer
// the rules give, never "Something went wrong".
import { BookingStatus } from '@lh/domain';
import { aCourse, aPerson, aSession } from '../../test/builders';
import { gql, signInAs, startTestApi, type GqlResult, type TestApi } from '../../test/test-db';
import { Booking } from './booking.entity';

const BOOK = `mutation($input: BookSessionInput!) { bookSession(input: $input) { id status } }`;
const CANCEL = `mutation($id: ID!) { cancelBooking(bookingId: $id) { id status } }`;
const ACCEPT = `mutation($id: ID!) { acceptOffer(bookingId: $id) { id status } }`;
const DECLINE = `mutation($id: ID!) { declineOffer(bookingId: $id) { id status } }`;
const ROUNDS = 20;

/** The codes the rules answer with; anything else (an internal error above all) fails the test. */
const RULE_CODES = new Set(['ALREADY_BOOKED', 'ALREADY_BOOKED_ON_COURSE', 'BOOKING_NOT_ACTIVE', 'INVALID_TRANSITION', 'OFFER_NOT_OPEN']);

describe('one person, two tabs: no deadlock between booking and changing a place (real API, real PostgreSQL)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());
  const em = () => api.orm.em.fork();

  async function race(second: string, status: BookingStatus) {
    const problems: string[] = [];
    const person = await aPerson(em());
    const cookie = await signInAs(api.url, person);
    for (let round = 0; round < ROUNDS; round++) {
      const session = await aSession(em(), await aCourse(em()), { capacity: 5 });
      const e = em();
      const place = e.create(Booking, {
        session: session.id,
        person: person.id,
        status,
        offerExpiresAt: status === BookingStatus.OFFERED ? new Date(Date.now() + 86_400_000) : null,
        waitlistedAt: status === BookingStatus.OFFERED ? new Date() : null,
      });
      await e.flush();
      const answers: GqlResult[] = await Promise.all([
        gql(api.url, BOOK, { input: { sessionId: session.id } }, cookie),
        gql(api.url, second, { id: place.id }, cookie),
      ]);
      for (const a of answers) {
        const code = a.errors?.[0]?.extensions?.code as string | undefined;
        if (code && !RULE_CODES.has(code)) {
          problems.push(`${code}: ${a.errors![0]!.message}`);
        }
      }
      expect(
        await em().count(Booking, {
          session: session.id,
          person: person.id,
          status: { $in: [BookingStatus.CONFIRMED, BookingStatus.OFFERED] },
        }),
      ).toBeLessThanOrEqual(1);
    }
    expect(problems).toEqual([]);
  }

  it('booking while cancelling the place', () => race(CANCEL, BookingStatus.CONFIRMED));
  it('booking while accepting an offered place', () => race(ACCEPT, BookingStatus.OFFERED));
  it('booking while declining an offered place', () => race(DECLINE, BookingStatus.OFFERED));
});
