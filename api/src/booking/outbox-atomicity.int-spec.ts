import { BookingStatus, Role, SessionStatus } from '@lh/domain';
import { aCourse, aPerson, aSession } from '../../test/builders';
import { gql, signInAs, startTestApi, type GqlResult, type TestApi } from '../../test/test-db';
import { OutboxMessage } from '../notifications/outbox-message.entity';
import { SessionPart } from '../scheduling/session-part.entity';
import { Session } from '../scheduling/session.entity';
import { BookingEvent } from './booking-event.entity';
import { Booking } from './booking.entity';

/**
 * A change and its mail are one transaction: when writing the mail fails, the change never happened.
 * A trigger in this file's database refuses to insert outbox rows addressed to the emails listed in
 * `test_refused_mail`; each test lists its own people only once everything it arranges is in place.
 */
const BOOK = `mutation($input: BookSessionInput!) { bookSession(input: $input) { id status } }`;
const CANCEL = `mutation($id: ID!) { cancelBooking(bookingId: $id) { id status } }`;
const CANCEL_SESSION = `mutation($input: CancelSessionInput!) { cancelSession(input: $input) { cancelled { id } } }`;
const UPDATE_SESSION = `mutation($input: UpdateSessionInput!) { updateSession(input: $input) { id startsAt } }`;

const GENERIC = 'Something went wrong on our side. Please try again; if it keeps happening, contact the training team.';

/** A London date `days` from now, YYYY-MM-DD. */
const londonDay = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe('outbox atomicity: a failing mail write leaves nothing behind (real API, real PostgreSQL)', () => {
  let api: TestApi;
  let coordinatorCookie: string;

  beforeAll(async () => {
    api = await startTestApi();
    await api.orm.em.fork().getConnection().execute(`
      create table test_refused_mail (to_email text primary key);
      create function test_refuse_outbox_insert() returns trigger language plpgsql as $$
      begin
        if exists (select 1 from test_refused_mail where to_email = new.to_email) then
          raise exception 'test: outbox insert refused for %', new.to_email;
        end if;
        return new;
      end $$;
      create trigger test_refuse_outbox_insert before insert on outbox_message
        for each row execute function test_refuse_outbox_insert();`);
    coordinatorCookie = await signInAs(api.url, await aPerson(api.orm.em.fork(), { roles: [Role.COORDINATOR] }));
  });
  afterAll(() => api.close());

  const em = () => api.orm.em.fork();
  const refuseMailTo = (email: string) => em().getConnection().execute('insert into test_refused_mail (to_email) values (?)', [email]);
  const allowMailTo = (email: string) => em().getConnection().execute('delete from test_refused_mail where to_email = ?', [email]);

  async function practitioner() {
    const person = await aPerson(em());
    return { person, cookie: await signInAs(api.url, person) };
  }
  const book = (cookie: string, sessionId: string) =>
    gql<{ bookSession: { id: string; status: string } }>(api.url, BOOK, { input: { sessionId } }, cookie);

  /** What the database holds about a session: its row, parts, bookings, their history and its mail. */
  async function snapshot(sessionId: string) {
    const e = em();
    const session = await e.findOneOrFail(Session, sessionId);
    const parts = await e.find(SessionPart, { session: sessionId }, { orderBy: { startsAt: 'asc' } });
    const bookings = await e.find(Booking, { session: sessionId }, { orderBy: { id: 'asc' } });
    const events = await e.count(BookingEvent, { booking: { session: sessionId } });
    const mail = await e.find(OutboxMessage, { sessionId }, { orderBy: { id: 'asc' } });
    return {
      session: { status: session.status, startsAt: session.startsAt.toISOString(), endsAt: session.endsAt.toISOString() },
      parts: parts.map((p) => ({ id: p.id, startsAt: p.startsAt.toISOString(), endsAt: p.endsAt.toISOString() })),
      bookings: bookings.map((b) => ({ id: b.id, status: b.status, cancelledAt: b.cancelledAt ?? null, late: b.lateCancellation })),
      events,
      mail: mail.map((m) => ({ id: m.id, status: m.status })),
    };
  }

  /** The failure reaches the client as the generic internal error, with nothing from the database in it. */
  function expectCleanInternalError(res: GqlResult) {
    expect(res.data).toBeNull();
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0]).toEqual({ message: GENERIC, extensions: { code: 'INTERNAL_SERVER_ERROR' }, path: [expect.any(String)] });
    expect(JSON.stringify(res.errors)).not.toMatch(/outbox|refused|trigger/i);
  }

  it('booking a place: error, and no booking, no history and no mail exist', async () => {
    const session = await aSession(em(), await aCourse(em()), { capacity: 5 });
    const p = await practitioner();
    await refuseMailTo(p.person.email);

    expectCleanInternalError(await book(p.cookie, session.id));
    expect(await em().count(Booking, { person: p.person.id })).toBe(0);
    expect(await em().count(BookingEvent, { booking: { person: p.person.id } })).toBe(0);
    expect(await em().count(OutboxMessage, { toEmail: p.person.email })).toBe(0);

    // nothing half-written stands in the way once mail can be written again
    await allowMailTo(p.person.email);
    const again = await book(p.cookie, session.id);
    expect(again.errors).toBeUndefined();
    expect(again.data!.bookSession.status).toBe('CONFIRMED');
    expect(await em().count(BookingEvent, { booking: { person: p.person.id } })).toBe(1);
  });

  it('cancelling a confirmed booking: error, still CONFIRMED, reminders still queued, the next in line not offered', async () => {
    const session = await aSession(em(), await aCourse(em()), { capacity: 1, inDays: 20 });
    const holder = await practitioner();
    const waiter = await practitioner();
    const held = (await book(holder.cookie, session.id)).data!.bookSession;
    const waiting = (await book(waiter.cookie, session.id)).data!.bookSession;
    expect([held.status, waiting.status]).toEqual(['CONFIRMED', 'WAITLISTED']);
    const before = await snapshot(session.id);
    expect(before.mail.some((m) => m.status === 'PENDING')).toBe(true);
    await refuseMailTo(holder.person.email);

    expectCleanInternalError(await gql(api.url, CANCEL, { id: held.id }, holder.cookie));
    expect(await snapshot(session.id)).toEqual(before);
    expect((await em().findOneOrFail(Booking, held.id)).status).toBe(BookingStatus.CONFIRMED);
    expect((await em().findOneOrFail(Booking, waiting.id)).status).toBe(BookingStatus.WAITLISTED);

    await allowMailTo(holder.person.email);
    expect((await gql(api.url, CANCEL, { id: held.id }, holder.cookie)).errors).toBeUndefined();
    expect((await em().findOneOrFail(Booking, waiting.id)).status).toBe(BookingStatus.OFFERED);
  });

  it('a coordinator cancelling a whole session: error, session still SCHEDULED, bookings untouched', async () => {
    const session = await aSession(em(), await aCourse(em()), { capacity: 1, inDays: 20 });
    const first = await practitioner();
    const second = await practitioner();
    await book(first.cookie, session.id);
    await book(second.cookie, session.id);
    const before = await snapshot(session.id);
    expect(before.bookings.map((b) => b.status).sort()).toEqual(['CONFIRMED', 'WAITLISTED']);
    // one of the two mails fails, whichever is written first
    await refuseMailTo(second.person.email);

    const res = await gql(api.url, CANCEL_SESSION, { input: { sessionId: session.id, reason: 'Trainer unwell' } }, coordinatorCookie);
    expectCleanInternalError(res);
    const after = await snapshot(session.id);
    expect(after.session.status).toBe(SessionStatus.SCHEDULED);
    expect(after).toEqual(before);

    await allowMailTo(second.person.email);
    const retried = await gql(api.url, CANCEL_SESSION, { input: { sessionId: session.id, reason: 'Trainer unwell' } }, coordinatorCookie);
    expect(retried.errors).toBeUndefined();
    expect((await snapshot(session.id)).session.status).toBe(SessionStatus.CANCELLED);
  });

  it("a coordinator moving a session's dates: error, parts and starts_at unchanged, nobody told", async () => {
    const session = await aSession(em(), await aCourse(em()), { online: true, parts: 2, inDays: 20 });
    const p = await practitioner();
    await book(p.cookie, session.id);
    const before = await snapshot(session.id);
    expect(before.parts).toHaveLength(2);
    await refuseMailTo(p.person.email);

    const move = () =>
      gql<{ updateSession: { startsAt: string } }>(
        api.url,
        UPDATE_SESSION,
        {
          input: {
            sessionId: session.id,
            parts: [
              { date: londonDay(30), startTime: '09:30', endTime: '12:30' },
              { date: londonDay(31), startTime: '09:30', endTime: '12:30' },
            ],
            venueId: null,
            onlineUrl: 'https://meet.example.org/test',
            bookingOpensOn: null,
            bookingClosesOn: null,
          },
        },
        coordinatorCookie,
      );
    expectCleanInternalError(await move());
    expect(await snapshot(session.id)).toEqual(before);
    const row = await em().getConnection().execute<{ starts_at: Date }[]>('select starts_at from session where id = ?', [session.id]);
    expect(new Date(row[0]!.starts_at).toISOString()).toBe(before.session.startsAt);

    // the same change goes through once mail can be written (so the refusal above was the mail's)
    await allowMailTo(p.person.email);
    const moved = await move();
    expect(moved.errors).toBeUndefined();
    expect(moved.data!.updateSession.startsAt).not.toBe(before.session.startsAt);
  });
});
