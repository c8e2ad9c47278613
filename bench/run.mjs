// `npm run bench`: starts embedded PostgreSQL, the API, a local SMTP server and the built web app on
// free ports with data in a temporary folder, measures a booking rush, a mail burst and the catalogue
// pages, reports on generated data, the rush again through 2 APIs and 2 job workers, prints the figures with
// the machine they were measured on, and stops everything.
// Sizes: BENCH_PEOPLE (2000), BENCH_SESSIONS (20), BENCH_PLACES (25), BENCH_CLIENTS (200),
// BENCH_MAILS (2000), BENCH_WEB_USERS (50), BENCH_WEB_SECONDS (10), BENCH_MAIL_TIMEOUT_SECONDS (180);
// BENCH_REPORT_BOOKINGS (1000000: the reports stage's decade of data, with a twentieth as many people and a
// twenty-fifth as many sessions; 0 leaves the stage out), BENCH_REPORT_RUNS (5, the median is shown);
// BENCH_SHOW_STATEMENTS=true prints the SQL of one booking, BENCH_LOG=true the services' output.
// BENCH_CPU_PROFILE=<folder> makes each API process write a V8 CPU profile there when it stops.
import { existsSync, mkdtempSync, chmodSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort, startPostgres } from '../scripts/lib/postgres.mjs';
import { root, run, runTs, startService, waitForUrl } from '../scripts/lib/processes.mjs';
import { createCourse, createPeople } from './lib/data.mjs';
import { cpuMsOf, cpuMsOfTreeSince, cpuTicksOfTree, machine, memoryOf, postmasterPid, sampleMemory } from './lib/machine.mjs';
import { client } from './lib/http.mjs';
import { fixed, ms, printTable } from './lib/stats.mjs';
import { checkRush, floorRows, floorThroughApi, rushThroughApi, rushThroughSql, statementsPerBooking } from './booking-rush.mjs';
import { awaitDelivery, explainNextDue, queueMails, startSmtp } from './mail.mjs';
import { loadPage } from './pages.mjs';
import { generate } from './lib/generate.mjs';
import { benchReports } from './reports.mjs';
import { services } from './lib/services.mjs';
import { scaleOutRush } from './scale-out.mjs';

const num = (name, fallback) => {
  const v = process.env[name];
  if (v === undefined || v === '') {
    return fallback;
  }
  if (!/^\d+$/.test(v) || Number(v) < 1) {
    console.error(`${name} must be a whole number of at least 1 (it is "${v}")`);
    process.exit(1);
  }
  return Number(v);
};
const size = {
  people: num('BENCH_PEOPLE', 2000),
  sessions: num('BENCH_SESSIONS', 20),
  places: num('BENCH_PLACES', 25),
  clients: num('BENCH_CLIENTS', 200),
  mails: num('BENCH_MAILS', 2000),
  webUsers: num('BENCH_WEB_USERS', 50),
  webSeconds: num('BENCH_WEB_SECONDS', 10),
  mailTimeoutSeconds: num('BENCH_MAIL_TIMEOUT_SECONDS', 180),
  reportBookings: process.env.BENCH_REPORT_BOOKINGS === '0' ? 0 : num('BENCH_REPORT_BOOKINGS', 1_000_000),
  reportRuns: num('BENCH_REPORT_RUNS', 5),
};
const API_POOL_SIZE = 10; // api/src/db/orm-options.ts
const log = process.env.BENCH_LOG === 'true';
const step = (what) => console.log(`· ${what}`);

const m = machine();
printTable('Machine', [
  ['CPU', m.cpu],
  ['cores', m.cores],
  ['RAM', `${m.ramGiB} GiB`],
  ['Node.js', m.node],
  ['OS', m.os],
  ['load average (1, 5, 15 min)', `${m.load} at the start (other work on the machine slows every figure)`],
  [
    'sizes',
    Object.entries(size)
      .map(([k, v]) => `${k}=${v}`)
      .join(' '),
  ],
]);
console.log('');

const { stops, stopAll, stopChild, startApi } = services({ log });
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => stopAll().then(() => process.exit(130)));
}

const report = { checks: [] };
try {
  const began = Date.now();
  // PostgreSQL in a temporary folder (reachable by the `postgres` user when run as root), with
  // commit timestamps on, so the checks can tell the order in which bookings got their turn.
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'lh-bench-'));
  chmodSync(tmp, 0o755);
  stops.push(async () => rmSync(tmp, { recursive: true, force: true }));
  const databaseDir = path.join(tmp, 'pg');
  let pgLog = () => {};
  const pgOpts = { databaseDir, persistent: true, log: (line) => pgLog(line) };
  step('starting PostgreSQL');
  let pgServer = await startPostgres(pgOpts);
  const admin = new pg.Client({ connectionString: pgServer.url('postgres') });
  await admin.connect();
  await admin.query('alter system set track_commit_timestamp = on');
  await admin.end();
  await pgServer.stop();
  pgServer = await startPostgres({ ...pgOpts, port: pgServer.port });
  stops.push(() => pgServer.stop());
  await pgServer.createDatabase('bench');
  const databaseUrl = pgServer.url('bench');

  step('migrating and loading the demo data');
  await runTs('api/src/db/migrate-cli.ts', ['up'], { env: { DATABASE_URL: databaseUrl }, quiet: !log });
  await runTs('api/src/seed/seed-cli.ts', [], { env: { DATABASE_URL: databaseUrl }, quiet: !log });

  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  stops.push(() => db.end());
  step(`creating ${size.people} signed-in practitioners and ${size.sessions} sessions of ${size.places} places (x2)`);
  const people = await createPeople(db, size.people);
  const rushCourse = await createCourse(db, 'Bench booking rush', size.sessions, size.places);
  const sqlCourse = await createCourse(db, 'Bench plain SQL', size.sessions, size.places);
  const profileCourse = await createCourse(db, 'Bench statement count', 1, 5);

  const smtp = await startSmtp();
  stops.push(() => smtp.stop());
  const webPort = await freePort();
  const webUrl = `http://localhost:${webPort}`;

  // ── 1. Booking rush, through the API (no job worker in this process: the rush alone) ──
  step('starting the API (JOBS_ENABLED=false)');
  const api = await startApi({ databaseUrl, smtpUrl: smtp.url, webOrigin: webUrl, jobs: false });
  {
    // Warm-up: each person's cookie once, through the same sign-in lookup the rush uses.
    const warm = client(api.url, { sockets: 50 });
    const { runPool } = await import('./lib/stats.mjs');
    await runPool(Math.min(200, people.length), 50, (i) => warm.gql('query Me { me { id } }', {}, people[i].cookie));
    warm.close();
  }
  step(`booking rush: ${size.people} practitioners, ${size.clients} at once, through the API`);
  const restingRss = memoryOf(api.pid).rss;
  const memory = sampleMemory(api.pid);
  const pgPid = postmasterPid(databaseDir);
  const cpuBefore = { api: cpuMsOf(api.pid), pg: cpuTicksOfTree(pgPid), bench: process.cpuUsage() };
  const rush = await rushThroughApi({ apiUrl: api.url, people, sessionIds: rushCourse.sessionIds, clients: size.clients });
  const apiCpuMs = cpuMsOf(api.pid) - cpuBefore.api;
  const pgCpuMs = cpuMsOfTreeSince(pgPid, cpuBefore.pg);
  const benchCpu = process.cpuUsage(cpuBefore.bench);
  const benchCpuMs = (benchCpu.user + benchCpu.system) / 1000;
  const rushPeak = memory.stop();
  const rushHwm = memoryOf(api.pid).hwm;
  // When requests failed, what the API said about it (the last of its output).
  const apiComplaints = rush.errors.size
    ? [
        ...new Set(
          api
            .recentOutput()
            .split('\n')
            .filter((l) => /error|timeout/i.test(l))
            .map((l) => l.trim().slice(0, 200)),
        ),
      ].slice(-5)
    : [];
  report.checks.push(
    ...(await checkRush(db, { sessionIds: rushCourse.sessionIds, places: size.places, attempts: size.people, answers: rush.answers })),
  );

  step(`the API's floor: ${size.people} signed-in \`me\` queries, ${size.clients} at once`);
  const floorCpuBefore = cpuMsOf(api.pid);
  const floor = await floorThroughApi({ apiUrl: api.url, people, clients: size.clients });
  const floorCpuMs = cpuMsOf(api.pid) - floorCpuBefore;

  step('the same transaction as plain SQL over the pg driver');
  const { rows: prio } = await db.query(
    `select distinct kind, priority from outbox_message where kind in ('BOOKING_CONFIRMED', 'WAITING_LIST_JOINED')`,
  );
  const sqlCpuBefore = { pg: cpuTicksOfTree(pgPid), bench: process.cpuUsage() };
  const sql = await rushThroughSql({
    databaseUrl,
    people,
    sessionIds: sqlCourse.sessionIds,
    clients: size.clients,
    poolSize: API_POOL_SIZE,
    priorities: Object.fromEntries(prio.map((r) => [r.kind, r.priority])),
    beforeClose: () => cpuMsOfTreeSince(pgPid, sqlCpuBefore.pg),
  });

  const sqlPgCpuMs = sql.measured;
  const sqlBenchCpu = process.cpuUsage(sqlCpuBefore.bench);
  const sqlBenchCpuMs = (sqlBenchCpu.user + sqlBenchCpu.system) / 1000;
  step('statements per booking (log_statement = all, one booking at a time)');
  const perBooking = await statementsPerBooking({
    db,
    apiUrl: api.url,
    people,
    sessionId: profileCourse.sessionIds[0],
    onPgLog: (listen) => (pgLog = listen),
  });
  pgLog = () => {};
  await api.stop();

  // ── 2. Mail burst, delivered by the API's own worker ──
  // The rush's mail is left out (withdrawn), so the burst is exactly the mails queued here.
  await db.query(`update outbox_message set status = 'CANCELLED' where status = 'PENDING'`);
  step('starting the API with its job worker (JOBS_ENABLED=true)');
  const worker = await startApi({ databaseUrl, smtpUrl: smtp.url, webOrigin: webUrl, jobs: true });
  await new Promise((r) => setTimeout(r, 3000)); // the worker's start-up pass finds nothing
  const {
    rows: [template],
  } = await db.query(
    `select m.id from outbox_message m where m.kind = 'BOOKING_CONFIRMED' and exists (select 1 from outbox_invite i where i.message_id = m.id) limit 1`,
  );
  step(`mail: ${size.mails} mails with invites queued at once`);
  const mailPeople = Array.from({ length: size.mails }, (_, i) => people[i % people.length]);
  const connectionsBefore = smtp.connections();
  const workerMemory = sampleMemory(worker.pid);
  // How long the worker's "next due mail" query takes with the burst waiting (EXPLAIN ANALYZE, before the worker wakes).
  const nextDue = await explainNextDue(db, mailPeople.slice(0, Math.min(size.mails, people.length)), template.id);
  const mailCpuBefore = { api: cpuMsOf(worker.pid), pg: cpuTicksOfTree(pgPid) };
  const queuedAt = await queueMails(db, { templateId: template.id, people: mailPeople.slice(0, Math.min(size.mails, people.length)) });
  // Any mail queued through the API wakes the worker at once (a sign-in link, here); mail written
  // straight into the table would otherwise wait for the once-a-minute sweep.
  const kick = client(worker.url, { sockets: 1 });
  await kick.gql('mutation Kick($input: RequestSignInLinkInput!) { requestSignInLink(input: $input) }', {
    input: { email: people[0].email },
  });
  kick.close();
  const mail = await awaitDelivery(db, smtp, { queuedAt, timeoutMs: size.mailTimeoutSeconds * 1000 });
  const workerPeak = workerMemory.stop();
  const mailCpu = { api: cpuMsOf(worker.pid) - mailCpuBefore.api, pg: cpuMsOfTreeSince(pgPid, mailCpuBefore.pg) };
  const smtpConnections = smtp.connections() - connectionsBefore;

  // ── 3. Catalogue and course pages on the built web app ──
  if (!existsSync(path.join(root, 'web/build/index.js'))) {
    step('building the web app (node scripts/test.mjs "build web")');
    await run(process.execPath, ['scripts/test.mjs', 'build web'], { quiet: !log });
  }
  step('starting the built web app');
  const web = startService('web', process.execPath, ['build/index.js'], {
    cwd: path.join(root, 'web'),
    env: { API_URL: worker.url, PORT: String(webPort), HOST: '127.0.0.1', ORIGIN: webUrl },
    log,
  });
  stops.push(() => stopChild(web.child));
  await waitForUrl(`${webUrl}/accessibility`, { name: 'the web app', service: web, timeoutMs: 120_000 });
  const cookies = people.slice(0, size.webUsers).map((p) => p.cookie);
  const pages = [];
  for (const p of ['/courses', `/courses/${rushCourse.courseId}`]) {
    await loadPage({ webUrl, path: p, cookies, users: Math.min(5, size.webUsers), seconds: 1 }); // warm-up
    step(`pages: ${size.webUsers} users on ${p} for ${size.webSeconds} s`);
    pages.push({ path: p, ...(await loadPage({ webUrl, path: p, cookies, users: size.webUsers, seconds: size.webSeconds })) });
  }

  // ── 4. Reports on a decade of generated data, through the API and as plain SQL ──
  let reports = [];
  let generated = null;
  if (size.reportBookings > 0) {
    generated = {
      people: Math.max(200, Math.round(size.reportBookings / 20)),
      sessions: Math.max(40, Math.round(size.reportBookings / 25)),
      bookings: size.reportBookings,
    };
    step(`generating ${generated.people} people, ${generated.sessions} sessions and ${generated.bookings} bookings over ten years`);
    const genBegan = Date.now();
    await generate(db, { ...generated, log: log ? (line) => step(line) : () => {} });
    generated.seconds = (Date.now() - genBegan) / 1000;
    step(`reports: ${size.reportRuns} runs each through the API and as plain SQL`);
    reports = await benchReports({ db, apiUrl: worker.url, runs: size.reportRuns });
  }

  // ── 6. The rush again through 2 API processes and 2 job workers (scale-out) ──
  const workerHwm = memoryOf(worker.pid).hwm;
  await worker.stop();
  const scaleCourse = await createCourse(db, 'Bench scale-out', size.sessions, size.places);
  const scale = await scaleOutRush({
    startApi,
    db,
    databaseUrl,
    smtp,
    webOrigin: webUrl,
    people,
    course: scaleCourse,
    places: size.places,
    clients: size.clients,
    step,
    timeoutMs: size.mailTimeoutSeconds * 1000,
  });

  // ── Figures ──
  // CPU per booking of each process, and how many of the machine's cores it kept busy meanwhile.
  const cpuRows = (n, elapsed, parts) =>
    parts.map(([who, cpu]) => [`  CPU per booking, ${who}`, `${fixed(cpu / Math.max(1, n))} ms (${fixed(cpu / elapsed, 2)} cores busy)`]);
  const codes = (map) => (map.size ? [...map].map(([k, v]) => `${k}: ${v}`).join(', ') : 'none');
  printTable(`1. Booking rush: ${size.people} practitioners, ${size.sessions} sessions x ${size.places} places, ${size.clients} clients`, [
    ['through the API', `${fixed(rush.rate)} bookings/s (${rush.answers.length} booked in ${fixed(rush.elapsed / 1000, 2)} s)`],
    [
      '  latency p50/p95/p99',
      `${ms(rush.latencies.p50)} / ${ms(rush.latencies.p95)} / ${ms(rush.latencies.p99)} (max ${ms(rush.latencies.max)})`,
    ],
    ['  errors by code', codes(rush.errors)],
    ...apiComplaints.map((l) => ['    the API logged', l]),
    ...cpuRows(rush.answers.length, rush.elapsed, [
      ['API', apiCpuMs],
      ['PostgreSQL', pgCpuMs],
      ['bench clients', benchCpuMs],
    ]),
    [
      'plain SQL (pg driver)',
      `${fixed(sql.rate)} bookings/s (${sql.booked} booked in ${fixed(sql.elapsed / 1000, 2)} s, pool ${API_POOL_SIZE})`,
    ],
    ['  latency p50/p95/p99', `${ms(sql.latencies.p50)} / ${ms(sql.latencies.p95)} / ${ms(sql.latencies.p99)}`],
    ['  errors by code', codes(sql.errors)],
    ...cpuRows(sql.booked, sql.elapsed, [
      ['PostgreSQL', sqlPgCpuMs],
      ['bench (pg driver)', sqlBenchCpuMs],
    ]),
    ['ratio API / plain SQL', `${fixed((rush.rate / sql.rate) * 100)} %`],
    ...floorRows(floor, floorCpuMs, sql.rate),
    [
      'SQL statements per booking',
      `${perBooking.map((b) => `${b.statements}${b.status === 'CONFIRMED' ? 'c' : b.status === 'WAITLISTED' ? 'w' : '!'}`).join(' ')}` +
        ' (c confirmed, w waiting; plain SQL: 7)',
    ],
  ]);
  if (process.env.BENCH_SHOW_STATEMENTS === 'true') {
    for (const status of ['CONFIRMED', 'WAITLISTED']) {
      const b = perBooking.find((x) => x.status === status);
      console.log(`\n   Statements of one booking that ended ${status}:`);
      b?.lines.forEach((l, i) => console.log(`   ${String(i + 1).padStart(3)}. ${l.slice(0, 240)}`));
    }
  }
  printTable(
    '   Checks (from the database)',
    report.checks.map(([name, ok, detail]) => [`${ok ? 'PASS' : 'FAIL'} ${name}`, detail]),
  );
  printTable(`2. Mail: ${mail.queued} mails with an invite queued at once, MAIL_CONCURRENCY default`, [
    ['delivered', `${mail.accepted} of ${mail.queued} accepted by SMTP (${mail.sentInDb} SENT in the outbox, ${mail.notSentInDb} not)`],
    ['rate', `${fixed(mail.rate)} mails/s`],
    ['queue to accepted p50/p95', `${ms(mail.p50)} / ${ms(mail.p95)} (last ${ms(mail.last)})`],
    ['SMTP connections', `${smtpConnections} for ${mail.accepted + 1} mails`],
    [
      'CPU per mail, API + worker',
      `${fixed(mailCpu.api / Math.max(1, mail.accepted))} ms (${fixed(mailCpu.api / mail.last, 2)} cores busy)`,
    ],
    ['CPU per mail, PostgreSQL', `${fixed(mailCpu.pg / Math.max(1, mail.accepted))} ms (${fixed(mailCpu.pg / mail.last, 2)} cores busy)`],
    ['"next due mail" query', `${fixed(nextDue.ms, 2)} ms with the burst waiting (EXPLAIN ANALYZE)`],
    [
      `${mail.twice === 0 && mail.accepted === mail.queued ? 'PASS' : 'FAIL'} each mail exactly once`,
      `${mail.twice} accepted more than once`,
    ],
  ]);
  if (process.env.BENCH_SHOW_STATEMENTS === 'true') {
    console.log(`\n   Plan of the "next due mail" query with the burst waiting:\n${nextDue.plan.replace(/^/gm, '   ')}`);
  }
  printTable(
    `3. Web pages: ${size.webUsers} signed-in users at once, ${size.webSeconds} s each`,
    pages.flatMap((p) => [
      [
        p.path.startsWith('/courses/') ? '/courses/<id>' : p.path,
        `${fixed(p.rate)} requests/s, p50 ${ms(p.p50)}, p95 ${ms(p.p95)}, p99 ${ms(p.p99)}`,
      ],
      ['  answers', codes(p.statuses)],
    ]),
  );
  if (generated) {
    printTable(
      `4. Reports: ${generated.people} people, ${generated.sessions} sessions, ${generated.bookings} bookings over ten years (generated in ${fixed(generated.seconds, 0)} s), median of ${size.reportRuns}`,
      reports.flatMap((r) => [
        [r.name, `${ms(r.api)} through the API, ${fixed(r.sql)} ms plain SQL, ratio ${fixed(r.api / r.sql, 2)}`],
        [`  ${r.differences.length ? 'FAIL' : 'PASS'} same figures as the plain SQL`, r.differences.slice(0, 3).join('; ') || 'all agree'],
      ]),
    );
  }
  printTable('5. Memory', [
    [
      'API peak RSS during the rush',
      `${fixed(rushPeak, 0)} MiB sampled (VmHWM ${fixed(rushHwm, 0)} MiB; ${fixed(restingRss, 0)} MiB after warm-up)`,
    ],
    ['API + worker peak RSS, mail burst', `${fixed(workerPeak, 0)} MiB sampled (VmHWM ${fixed(workerHwm, 0)} MiB)`],
  ]);
  printTable(`6. Scale-out: the rush through 2 API processes (JOBS_WORKERS=false) and 2 job workers, ${size.clients} clients`, [
    [
      'through the 2 APIs',
      `${fixed(scale.rush.rate)} bookings/s (${scale.rush.answers.length} booked in ${fixed(scale.rush.elapsed / 1000, 2)} s; part 1, one API: ${fixed(rush.rate)})`,
    ],
    [
      '  latency p50/p95/p99',
      `${ms(scale.rush.latencies.p50)} / ${ms(scale.rush.latencies.p95)} / ${ms(scale.rush.latencies.p99)} (max ${ms(scale.rush.latencies.max)})`,
    ],
    ['  errors by code', codes(scale.rush.errors)],
    ['  every booking mail delivered', `${fixed(scale.mailSeconds, 1)} s after the rush began`],
    ...scale.checks.map(([name, ok, detail]) => [`${ok ? 'PASS' : 'FAIL'} ${name}`, detail]),
  ]);
  console.log(`\nLoad average at the end: ${machine().load}`);
  console.log(`Bench took ${fixed((Date.now() - began) / 1000, 0)} s.`);
  report.failed =
    report.checks.some(([, ok]) => !ok) ||
    scale.checks.some(([, ok]) => !ok) ||
    mail.twice > 0 ||
    mail.accepted !== mail.queued ||
    reports.some((r) => r.differences.length > 0);
} catch (e) {
  console.error(`\nThe bench failed: ${e.stack ?? e.message}`);
  report.failed = true;
} finally {
  await stopAll();
}
process.exit(report.failed ? 1 : 0);
