// Scaled out as production runs it: two API processes that serve requests and only queue jobs
// (JOBS_WORKERS=false), and two worker processes that run them, all on one PostgreSQL. A booking rush
// spread over both APIs keeps every guarantee of one process: capacity exact, one booking per request,
// the waiting list in the order places were taken, and each mail delivered exactly once, within seconds
// of its booking (the APIs queue the delivery pass; no waiting for the once-a-minute sweep).
import { MikroORM } from '@mikro-orm/postgresql';
import { BookingStatus } from '@lh/domain';
import { ormOptions } from '../db/orm-options';
import type { Session } from '../scheduling/session.entity';
import { aCourse, aSession } from '../../test/builders';
import { createTestDatabase } from '../../test/test-db';
import { bareMessageId, bookingAttempts, rush } from '../../test/rush';
import { startApiProcess, type ApiProcess } from '../../test/api-process';
import { startTestSmtp, type TestSmtp } from '../../test/smtp-server';

const SESSIONS = 3;
const PLACES = 8;
const PEOPLE = 60;

describe('two API processes and two workers on one PostgreSQL (real processes, PostgreSQL and SMTP)', () => {
  let databaseUrl: string;
  let orm: MikroORM;
  let smtp: TestSmtp;
  const running: ApiProcess[] = [];

  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
    orm = await MikroORM.init(ormOptions(databaseUrl));
    smtp = await startTestSmtp();
  });
  afterAll(async () => {
    await Promise.all(running.map((p) => p.stop()));
    await smtp?.stop();
    await orm?.close();
  });

  it('keeps capacity exact, the waiting list in order and each mail once', async () => {
    const em = orm.em.fork();
    const course = await aCourse(em);
    const sessions: Session[] = [];
    for (let i = 0; i < SESSIONS; i++) {
      sessions.push(await aSession(em, course, { capacity: PLACES }));
    }
    // one session each (a course takes one booking per person)
    const attempts = await bookingAttempts(em, PEOPLE, (i) => sessions[i % SESSIONS]!.id);

    const processes = await Promise.all([
      startApiProcess({ databaseUrl, smtpUrl: smtp.url, jobs: true, env: { JOBS_WORKERS: 'false' } }),
      startApiProcess({ databaseUrl, smtpUrl: smtp.url, jobs: true, env: { JOBS_WORKERS: 'false' } }),
      startApiProcess({ databaseUrl, smtpUrl: smtp.url, jobs: true }),
      startApiProcess({ databaseUrl, smtpUrl: smtp.url, jobs: true }),
    ]);
    running.push(...processes);
    const [api1, api2] = processes;
    await rush([api1!.url, api2!.url], attempts, { clients: 12 });

    const rows = await orm.em
      .fork()
      .execute<{ id: string; session_id: string; status: string; waitlisted_at: string | null }[]>(
        `select id, session_id, status, waitlisted_at from booking where session_id = any(?::uuid[]) order by waitlisted_at nulls first`,
        [`{${sessions.map((s) => s.id).join(',')}}`],
      );
    expect(rows.length).toBe(PEOPLE);
    expect(new Set(attempts.map((a) => a.answer?.id)).size).toBe(PEOPLE);
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(attempts.map((a) => byId.get(a.answer!.id)?.status)).toEqual(attempts.map((a) => a.answer!.status));
    for (const s of sessions) {
      const theirs = rows.filter((r) => r.session_id === s.id);
      expect(theirs.filter((r) => r.status === BookingStatus.CONFIRMED).length).toBe(PLACES);
      const waiting = theirs.filter((r) => r.status === BookingStatus.WAITLISTED);
      expect(waiting.length).toBe(PEOPLE / SESSIONS - PLACES);
      expect(new Set(waiting.map((r) => String(r.waitlisted_at))).size).toBe(waiting.length); // a strict queue
    }

    const due = await orm.em
      .fork()
      .execute<{ message_id: string }[]>(
        `select m.message_id from outbox_message m join booking b on b.id = m.booking_id where b.session_id = any(?::uuid[]) and m.next_attempt_at <= now()`,
        [`{${sessions.map((s) => s.id).join(',')}}`],
      );
    expect(due.length).toBe(PEOPLE);
    // well inside the minute of the sweep: the APIs asked the workers for a pass after each booking
    await smtp.waitFor(PEOPLE, 20_000);
    await new Promise((r) => setTimeout(r, 1500)); // a duplicate would arrive now
    expect(smtp.received.map((m) => bareMessageId(m.parsed.messageId)).sort()).toEqual(due.map((m) => bareMessageId(m.message_id)).sort());
  }, 300_000);
});
