// Fault tests with a real process: the API is killed (SIGKILL) in the middle of a booking rush and started
// again, then its job worker is killed in the middle of delivering the rush's mail. Nothing is half-written
// (a booking always has its history and its mail, or is not there at all), capacity is exact, the clients'
// retries (the same idempotency key, as the booking page sends) never book twice, and every mail is
// delivered exactly once after the restarts.
import { MikroORM } from '@mikro-orm/postgresql';
import { BookingStatus, MailKind, MailStatus } from '@lh/domain';
import { ormOptions } from '../db/orm-options';
import { aCourse, aSession } from '../../test/builders';
import { createTestDatabase } from '../../test/test-db';
import { bareMessageId, bookingAttempts, rush } from '../../test/rush';
import { startApiProcess, type ApiProcess } from '../../test/api-process';
import { startTestSmtp, type TestSmtp } from '../../test/smtp-server';

const PEOPLE = 40;
const PLACES = 10;
const CLIENTS = 8;

describe('when processes die mid-rush (the API killed, then its worker; real processes, PostgreSQL and SMTP)', () => {
  let databaseUrl: string;
  let orm: MikroORM;
  let smtp: TestSmtp;
  const running: ApiProcess[] = [];
  // The first mails the second API sends are held at the SMTP server until it has been killed.
  let holding = true;
  let held = 0;
  let releaseHeld: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (releaseHeld = resolve));

  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
    orm = await MikroORM.init(ormOptions(databaseUrl));
    smtp = await startTestSmtp({
      holdMail: async () => {
        if (holding) {
          held++;
          await released;
        }
      },
    });
  });
  afterAll(async () => {
    releaseHeld();
    await Promise.all(running.map((p) => p.kill()));
    await smtp?.stop();
    await orm?.close();
  });

  const start = async (jobs: boolean) => {
    const api = await startApiProcess({ databaseUrl, smtpUrl: smtp.url, jobs, env: { MAIL_CONCURRENCY: '2' } });
    running.push(api);
    return api;
  };

  /** Every booking with its history and its one mail of the right kind: never one without the other. */
  async function expectWholeBookings(sessionId: string) {
    const rows = await orm.em.fork().execute<{ status: string; events: string; mails: string; kinds: string | null }[]>(
      `select b.status,
              (select count(*) from booking_event e where e.booking_id = b.id) as events,
              (select count(*) from outbox_message m where m.booking_id = b.id and m.kind in (?, ?)) as mails,
              (select string_agg(m.kind::text, ',') from outbox_message m where m.booking_id = b.id and m.kind in (?, ?)) as kinds
         from booking b where b.session_id = ?`,
      [MailKind.BOOKING_CONFIRMED, MailKind.WAITING_LIST_JOINED, MailKind.BOOKING_CONFIRMED, MailKind.WAITING_LIST_JOINED, sessionId],
    );
    for (const r of rows) {
      expect([r.status, Number(r.events) >= 1, Number(r.mails), r.kinds]).toEqual([
        r.status,
        true,
        1,
        r.status === BookingStatus.CONFIRMED ? MailKind.BOOKING_CONFIRMED : MailKind.WAITING_LIST_JOINED,
      ]);
    }
    expect(rows.filter((r) => r.status === BookingStatus.CONFIRMED).length).toBeLessThanOrEqual(PLACES);
    return rows;
  }

  it('keeps every booking whole and exact, and delivers each mail once after both restarts', async () => {
    const em = orm.em.fork();
    const session = await aSession(em, await aCourse(em), { capacity: PLACES });
    const attempts = await bookingAttempts(em, PEOPLE, () => session.id);

    // 1. The rush, on an API without its worker, killed after a third of the answers.
    const first = await start(false);
    await rush([first.url], attempts, {
      clients: CLIENTS,
      onAnswer: (n) => (n === Math.round(PEOPLE / 3) ? first.kill() : undefined),
    });
    const unanswered = attempts.filter((a) => !a.answer).length;
    expect(unanswered).toBeGreaterThan(0);
    await expectWholeBookings(session.id);

    // 2. Started again with its worker; every client tries again with the same key, answered or not.
    const second = await start(true);
    const before = new Map(attempts.filter((a) => a.answer).map((a) => [a.key, a.answer!]));
    for (const a of attempts) {
      delete a.answer;
    }
    await rush([second.url], attempts, { clients: CLIENTS });
    for (const [key, answer] of before) {
      expect(attempts.find((a) => a.key === key)!.answer).toEqual(answer); // the same booking, not a second one
    }
    const rows = await expectWholeBookings(session.id);
    expect(rows.length).toBe(PEOPLE);
    expect(rows.filter((r) => r.status === BookingStatus.CONFIRMED).length).toBe(PLACES);
    expect(new Set(attempts.map((a) => a.answer!.id)).size).toBe(PEOPLE);

    // 3. Its worker is killed while it is sending (the SMTP server has not accepted those mails yet).
    const deadline = Date.now() + 60_000;
    while (held < 2 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(held).toBe(2); // both senders were in the middle of a mail
    const closed = smtp.closed;
    await second.kill();
    while (smtp.closed < closed + 2) {
      await new Promise((r) => setTimeout(r, 50)); // the server sees both senders go before it would answer
    }
    holding = false;
    releaseHeld();

    // 4. Another start delivers everything, each mail once.
    await start(true);
    const expected = await orm.em
      .fork()
      .execute<{ message_id: string }[]>(
        `select message_id from outbox_message m join booking b on b.id = m.booking_id where b.session_id = ? and m.next_attempt_at <= now()`,
        [session.id],
      );
    expect(expected.length).toBe(PEOPLE);
    await smtp.waitFor(PEOPLE, 90_000);
    await new Promise((r) => setTimeout(r, 1500)); // a duplicate would arrive now
    const received = smtp.received.map((m) => bareMessageId(m.parsed.messageId));
    expect(received.sort()).toEqual(expected.map((m) => bareMessageId(m.message_id)).sort());
    const left = await orm.em
      .fork()
      .execute<{ n: string }[]>(
        `select count(*) as n from outbox_message m join booking b on b.id = m.booking_id where b.session_id = ? and m.status = ? and m.next_attempt_at <= now()`,
        [session.id, MailStatus.PENDING],
      );
    expect(Number(left[0]!.n)).toBe(0);
  }, 420_000);
});
