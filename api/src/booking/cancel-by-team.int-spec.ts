import { MailKind, Role } from '@lh/domain';
import { aCourse, aPerson, aSession, bookings } from '../../test/builders';
import { gql, signInAs, startTestApi, type TestApi } from '../../test/test-db';
import { OutboxMessage } from '../notifications/outbox-message.entity';

const BOOK = `mutation($input: BookSessionInput!) { bookSession(input: $input) { id status } }`;
const CANCEL = `mutation($id: ID!, $late: Boolean) { cancelBooking(bookingId: $id, countAsLate: $late) {
  lateCancellation history { action } } }`;

/** Who cancels decides what is recorded and what the mail says. */
describe('cancelling for someone else, and leaving a waiting list (real API, real PostgreSQL)', () => {
  let api: TestApi;
  let coordinatorCookie: string;
  beforeAll(async () => {
    api = await startTestApi();
    coordinatorCookie = await signInAs(api.url, await aPerson(api.orm.em.fork(), { roles: [Role.COORDINATOR] }));
  });
  afterAll(() => api.close());

  /** A confirmed place on a session tomorrow: past the course's cut-off of 5 working days. */
  async function confirmedInsideCutOff() {
    const session = await aSession(api.orm.em.fork(), await aCourse(api.orm.em.fork()), { inDays: 1, capacity: 5 });
    const person = await aPerson(api.orm.em.fork());
    const cookie = await signInAs(api.url, person);
    const booked = await gql<{ bookSession: { id: string; status: string } }>(api.url, BOOK, { input: { sessionId: session.id } }, cookie);
    expect(booked.data!.bookSession.status).toBe('CONFIRMED');
    return { session, bookingId: booked.data!.bookSession.id, cookie };
  }

  const mailText = async (bookingId: string, kind: MailKind) =>
    (await api.orm.em.fork().findOneOrFail(OutboxMessage, { bookingId, kind })).text;

  it('is not the practitioner’s late cancellation unless the training team says so', async () => {
    const notLate = await confirmedInsideCutOff();
    const res = await gql<{ cancelBooking: { lateCancellation: boolean; history: { action: string }[] } }>(
      api.url,
      CANCEL,
      { id: notLate.bookingId },
      coordinatorCookie,
    );
    expect(res.data!.cancelBooking.lateCancellation).toBe(false);
    expect(res.data!.cancelBooking.history.map((h) => h.action)).toEqual(['booked', 'cancelled']);
    const text = await mailText(notLate.bookingId, MailKind.BOOKING_CANCELLED);
    expect(text).toContain('The training team cancelled your place');
    expect(text).not.toContain('late cancellation');

    const late = await confirmedInsideCutOff();
    const marked = await gql<{ cancelBooking: { lateCancellation: boolean; history: { action: string }[] } }>(
      api.url,
      CANCEL,
      { id: late.bookingId, late: true },
      coordinatorCookie,
    );
    expect(marked.data!.cancelBooking.lateCancellation).toBe(true);
    expect(marked.data!.cancelBooking.history.map((h) => h.action)).toEqual(['booked', 'cancelled-late']);
    expect(await mailText(late.bookingId, MailKind.BOOKING_CANCELLED)).toContain('recorded as a late cancellation');
  });

  it('a practitioner cancelling their own place after the cut-off cancels late, whatever they send', async () => {
    const own = await confirmedInsideCutOff();
    const res = await gql<{ cancelBooking: { lateCancellation: boolean } }>(
      api.url,
      CANCEL,
      { id: own.bookingId, late: false },
      own.cookie,
    );
    expect(res.data!.cancelBooking.lateCancellation).toBe(true);
  });

  it('leaving a waiting list is worded as that, with no calendar event to cancel', async () => {
    const session = await aSession(api.orm.em.fork(), await aCourse(api.orm.em.fork()), { capacity: 1 });
    await bookings(api.orm.em.fork(), session, 1);
    const person = await aPerson(api.orm.em.fork());
    const cookie = await signInAs(api.url, person);
    const waiting = await gql<{ bookSession: { id: string; status: string } }>(api.url, BOOK, { input: { sessionId: session.id } }, cookie);
    expect(waiting.data!.bookSession.status).toBe('WAITLISTED');
    await gql(api.url, CANCEL, { id: waiting.data!.bookSession.id }, cookie);
    const mail = await api.orm.em
      .fork()
      .findOneOrFail(
        OutboxMessage,
        { bookingId: waiting.data!.bookSession.id, kind: MailKind.BOOKING_CANCELLED },
        { populate: ['invites'] },
      );
    expect(mail.subject).toMatch(/^Waiting list left/);
    expect(mail.text).toContain('You left the waiting list');
    expect(mail.text).not.toMatch(/calendar event|cancelled your place/);
    expect(mail.invites).toHaveLength(0);
  });
});
