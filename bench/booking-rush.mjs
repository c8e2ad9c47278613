// Part 1: the booking rush through the API, the checks of what it wrote, and the same transaction as
// plain SQL over the pg driver for comparison.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { BOOK_SESSION } from './lib/booking-document.mjs';
import { client } from './lib/http.mjs';
import { fixed, ms, perSecond, runPool, summarise } from './lib/stats.mjs';

/** Every practitioner tries one session (person i → session i mod sessions), `clients` at once. */
export async function rushThroughApi({ apiUrl, apiUrls = [apiUrl], people, sessionIds, clients }) {
  // several API processes: the attempts go to each in turn, as a load balancer would send them
  const https = apiUrls.map((url) => client(url, { sockets: Math.ceil(clients / apiUrls.length) }));
  const latencies = [];
  const errors = new Map();
  const answers = [];
  const started = performance.now();
  await runPool(people.length, clients, async (i) => {
    const person = people[i];
    const sessionId = sessionIds[i % sessionIds.length];
    const t = performance.now();
    let code = null;
    try {
      const res = await https[i % https.length].gql(BOOK_SESSION, { input: { sessionId, idempotencyKey: randomUUID() } }, person.cookie);
      const booking = res.json?.data?.bookSession;
      if (booking) {
        answers.push({ id: booking.id, status: booking.status, personId: person.id, sessionId });
      } else {
        code = res.json?.errors?.[0]?.extensions?.code ?? `HTTP ${res.status}`;
      }
    } catch (e) {
      code = e.code ?? e.message;
    }
    latencies.push(performance.now() - t);
    if (code) {
      errors.set(code, (errors.get(code) ?? 0) + 1);
    }
  });
  const elapsed = performance.now() - started;
  https.forEach((h) => h.close());
  return { elapsed, latencies: summarise(latencies), rate: perSecond(answers.length, elapsed), answers, errors };
}

/**
 * The API's floor: the same clients and people asking, as often as the rush booked, the smallest signed-in
 * request there is (`me`: the sign-in lookup, the guards, GraphQL, no booking). No booking through this API can
 * be faster than this, so it shows how much of the gap to plain SQL is the stack itself.
 */
export async function floorThroughApi({ apiUrl, people, clients }) {
  const http = client(apiUrl, { sockets: clients });
  const latencies = [];
  let failed = 0;
  const started = performance.now();
  await runPool(people.length, clients, async (i) => {
    const t = performance.now();
    const res = await http.gql('query Me { me { id } }', {}, people[i].cookie).catch(() => null);
    failed += res?.json?.data?.me?.id ? 0 : 1;
    latencies.push(performance.now() - t);
  });
  const elapsed = performance.now() - started;
  http.close();
  return { elapsed, latencies: summarise(latencies), rate: perSecond(people.length - failed, elapsed), requests: people.length, failed };
}

/** The floor's rows in part 1's table, beside the rush and plain SQL. */
export const floorRows = (floor, apiCpuMs, sqlRate) => [
  [
    'the same API answering `me`',
    `${fixed(floor.rate)} requests/s (${floor.requests} in ${fixed(floor.elapsed / 1000, 2)} s, ${floor.failed} failed)`,
  ],
  ['  latency p50/p95/p99', `${ms(floor.latencies.p50)} / ${ms(floor.latencies.p95)} / ${ms(floor.latencies.p99)}`],
  ['  CPU per request, API', `${fixed(apiCpuMs / Math.max(1, floor.requests))} ms (${fixed(apiCpuMs / floor.elapsed, 2)} cores busy)`],
  ['ratio `me` / plain SQL booking', `${fixed((floor.rate / sqlRate) * 100)} % (no booking through this stack can pass it)`],
];

/**
 * What the rush left in the database, checked: capacity exact, the rest waiting in the order they
 * got the session (commit order, from track_commit_timestamp), no duplicates, one confirmation mail
 * per confirmed booking. Each check is [name, pass, detail].
 */
export async function checkRush(db, { sessionIds, places, attempts, answers }) {
  const checks = [];
  const expectConfirmed = Math.min(attempts, sessionIds.length * places);
  const { rows: byStatus } = await db.query(`select status, count(*)::int as n from booking where session_id = any($1) group by status`, [
    sessionIds,
  ]);
  const count = (s) => byStatus.find((r) => r.status === s)?.n ?? 0;
  const total = byStatus.reduce((n, r) => n + r.n, 0);
  checks.push([`exactly ${expectConfirmed} confirmed`, count('CONFIRMED') === expectConfirmed, `${count('CONFIRMED')} confirmed`]);
  const { rows: over } = await db.query(
    `select s.id from session s left join booking b on b.session_id = s.id and b.status = 'CONFIRMED'
      where s.id = any($1) group by s.id, s.capacity having count(b.id) <> least(s.capacity, $2::int)`,
    [sessionIds, Math.floor(attempts / sessionIds.length)],
  );
  checks.push(['each session full to its capacity, not over', over.length === 0, `${over.length} sessions off`]);
  checks.push([
    'the rest waiting-listed',
    count('WAITLISTED') === total - count('CONFIRMED') && total === attempts,
    `${count('WAITLISTED')} waiting, ${total} bookings for ${attempts} attempts`,
  ]);

  // Order of commit per session: the first `capacity` confirmed, then the waiting list in that order.
  const { rows: ordered } = await db.query(
    `select b.session_id, b.status, b.waitlisted_at, s.capacity,
            row_number() over (partition by b.session_id order by pg_xact_commit_timestamp(b.xmin), b.xmin::text::bigint) as turn,
            row_number() over (partition by b.session_id order by b.xmin::text::bigint) as arrival
       from booking b join session s on s.id = b.session_id where b.session_id = any($1)`,
    [sessionIds],
  );
  let outOfTurn = 0;
  let queueOutOfOrder = 0;
  let ties = 0;
  let arrivalSwaps = 0;
  const bySession = new Map();
  for (const r of ordered) {
    bySession.set(r.session_id, [...(bySession.get(r.session_id) ?? []), r]);
  }
  for (const rows of bySession.values()) {
    rows.sort((a, b) => Number(a.turn) - Number(b.turn));
    rows.forEach((r, i) => {
      if (i < r.capacity !== (r.status === 'CONFIRMED')) {
        outOfTurn++;
      }
      if (Number(r.turn) !== Number(r.arrival)) {
        arrivalSwaps++;
      }
    });
    const waiting = rows.filter((r) => r.status === 'WAITLISTED');
    for (let i = 1; i < waiting.length; i++) {
      const d = waiting[i].waitlisted_at.getTime() - waiting[i - 1].waitlisted_at.getTime();
      if (d < 0) {
        queueOutOfOrder++;
      } else if (d === 0) {
        ties++;
      }
    }
  }
  checks.push([
    'waiting list in arrival order (order of turn at the session lock)',
    outOfTurn === 0 && queueOutOfOrder === 0 && ties === 0,
    `${outOfTurn} out of turn, ${queueOutOfOrder} queued out of order, ${ties} tied; ` +
      `${arrivalSwaps} bookings took the session lock in a different order than they began their transaction`,
  ]);

  const {
    rows: [dupes],
  } = await db.query(
    `select (select count(*)::int from (select 1 from booking where session_id = any($1) group by person_id, session_id having count(*) > 1) d) as same,
            (select count(*)::int from (select 1 from booking where session_id = any($1) group by person_id having count(*) > 1) d) as people`,
    [sessionIds],
  );
  checks.push(['no duplicate bookings', dupes.same === 0 && dupes.people === 0, `${dupes.same} duplicated, ${dupes.people} people twice`]);

  const {
    rows: [mail],
  } = await db.query(
    `select count(*) filter (where b.status = 'CONFIRMED' and m.n = 1)::int as one,
            count(*) filter (where b.status = 'CONFIRMED' and coalesce(m.n, 0) <> 1)::int as wrong,
            count(*) filter (where b.status <> 'CONFIRMED' and m.n > 0)::int as stray,
            (select count(*)::int from outbox_message o join outbox_invite i on i.message_id = o.id
               where o.kind = 'BOOKING_CONFIRMED' and o.session_id = any($1)) as invites
       from booking b
       left join (select booking_id, count(*)::int as n from outbox_message where kind = 'BOOKING_CONFIRMED' group by booking_id) m
         on m.booking_id = b.id
      where b.session_id = any($1)`,
    [sessionIds],
  );
  checks.push([
    'one confirmation mail (BOOKING_CONFIRMED) per confirmed booking',
    mail.wrong === 0 && mail.stray === 0 && mail.one === count('CONFIRMED'),
    `${mail.one} right, ${mail.wrong} confirmed with none or several, ${mail.stray} for unconfirmed; ${mail.invites} invites`,
  ]);

  const { rows: stored } = await db.query(`select id, status from booking where session_id = any($1)`, [sessionIds]);
  const statusOf = new Map(stored.map((r) => [r.id, r.status]));
  const disagree = answers.filter((a) => statusOf.get(a.id) !== a.status).length;
  checks.push(['every answer the API gave matches the database', disagree === 0, `${disagree} of ${answers.length} differ`]);
  return checks;
}

/**
 * The same transaction in plain SQL, `clients` at once over a pool as large as the API's: lock the
 * session row, count confirmed, insert the booking (CONFIRMED or WAITLISTED), its history row, and its
 * outbox row. 7 statements with BEGIN and COMMIT.
 */
export async function rushThroughSql({ databaseUrl, people, sessionIds, clients, poolSize, priorities, beforeClose = () => undefined }) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
  const latencies = [];
  const errors = new Map();
  let booked = 0;
  const started = performance.now();
  await runPool(people.length, clients, async (i) => {
    const person = people[i];
    const sessionId = sessionIds[i % sessionIds.length];
    const t = performance.now();
    const c = await pool.connect();
    try {
      await c.query('begin');
      const {
        rows: [s],
      } = await c.query('select id, capacity from session where id = $1 for update', [sessionId]);
      const {
        rows: [n],
      } = await c.query(`select count(*)::int as confirmed from booking where session_id = $1 and status = 'CONFIRMED'`, [sessionId]);
      const status = n.confirmed < s.capacity ? 'CONFIRMED' : 'WAITLISTED';
      const id = randomUUID();
      await c.query(
        `insert into booking (id, session_id, person_id, agency_id, status, waitlisted_at, idempotency_key)
         values ($1, $2, $3, $4, $5::booking_status, case when $7::boolean then clock_timestamp() end, $6)`,
        [id, sessionId, person.id, person.agencyId, status, randomUUID(), status === 'WAITLISTED'],
      );
      await c.query(
        `insert into booking_event (id, booking_id, actor_id, action, to_status) values (gen_random_uuid(), $1, $2, 'booked', $3::booking_status)`,
        [id, person.id, status],
      );
      const kind = status === 'CONFIRMED' ? 'BOOKING_CONFIRMED' : 'WAITING_LIST_JOINED';
      await c.query(
        `insert into outbox_message (id, kind, priority, to_email, to_name, subject, text, html, message_id, next_attempt_at, person_id, session_id, booking_id)
         values (gen_random_uuid(), $1::mail_kind, $2, $3, 'Bench', 'Your place', 'Your place', '<p>Your place</p>', $4, now(), $5, $6, $7)`,
        [kind, priorities[kind] ?? 1, person.email, `<${randomUUID()}@bench.example>`, person.id, sessionId, id],
      );
      await c.query('commit');
      booked++;
    } catch (e) {
      await c.query('rollback').catch(() => undefined);
      errors.set(e.code ?? e.message, (errors.get(e.code ?? e.message) ?? 0) + 1);
    } finally {
      c.release();
    }
    latencies.push(performance.now() - t);
  });
  const elapsed = performance.now() - started;
  // Measured while the pool's backends are still there (their CPU time goes with them when they end).
  const measured = beforeClose();
  await pool.end();
  return { elapsed, latencies: summarise(latencies), rate: perSecond(booked, elapsed), booked, errors, measured };
}

/**
 * The SQL of ten bookings made one at a time (PostgreSQL's log_statement = all, read through `onPgLog`, which
 * sets the listener for the server's log lines): for each, its final status, how many statements and which.
 */
export async function statementsPerBooking({ db, apiUrl, people, sessionId, onPgLog }) {
  let statements = 0;
  let lines = [];
  onPgLog((chunk) => {
    const found = String(chunk)
      .split('\n')
      .filter((l) => /LOG:\s+(statement|execute [^:]*):/.test(l));
    statements += found.length;
    lines.push(...found.map((l) => l.replace(/^.*?LOG:\s+/, '')));
  });
  await db.query(`alter system set log_statement = 'all'`);
  await db.query('select pg_reload_conf()');
  await new Promise((r) => setTimeout(r, 500));
  const perBooking = [];
  const one = client(apiUrl, { sockets: 1 });
  for (let i = 0; i < 10; i++) {
    const before = statements;
    lines = [];
    const res = await one.gql(BOOK_SESSION, { input: { sessionId } }, people[i].cookie);
    await new Promise((r) => setTimeout(r, 300));
    perBooking.push({ status: res.json?.data?.bookSession?.status ?? 'error', statements: statements - before, lines });
  }
  one.close();
  await db.query(`alter system set log_statement = 'none'`);
  await db.query('select pg_reload_conf()');
  return perBooking;
}
