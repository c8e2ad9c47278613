// Part 5: the booking rush through two API processes (JOBS_WORKERS=false: they queue jobs, run none) and two
// job workers on one PostgreSQL, as docs/deployment.md runs production. The same checks as part 1, and each
// booking's first mail (confirmation or waiting list) accepted by SMTP exactly once, delivered by the workers.
import { checkRush, rushThroughApi } from './booking-rush.mjs';

export async function scaleOutRush({ startApi, db, databaseUrl, smtp, webOrigin, people, course, places, clients, step, timeoutMs }) {
  step('starting 2 API processes (JOBS_WORKERS=false) and 2 job workers');
  const apis = await Promise.all(
    [0, 1].map(() => startApi({ databaseUrl, smtpUrl: smtp.url, webOrigin, jobs: true, env: { JOBS_WORKERS: 'false' } })),
  );
  const workers = await Promise.all([0, 1].map(() => startApi({ databaseUrl, smtpUrl: smtp.url, webOrigin, jobs: true })));
  step(`scale-out rush: ${people.length} practitioners, ${clients} at once, through 2 APIs`);
  const began = Date.now();
  const rush = await rushThroughApi({ apiUrls: apis.map((a) => a.url), people, sessionIds: course.sessionIds, clients });
  const checks = await checkRush(db, { sessionIds: course.sessionIds, places, attempts: people.length, answers: rush.answers });

  // each booking's first mail, sent by one of the workers, exactly once
  const { rows } = await db.query(
    `select m.message_id from outbox_message m join booking b on b.id = m.booking_id
      where b.session_id = any($1) and m.kind in ('BOOKING_CONFIRMED', 'WAITING_LIST_JOINED')`,
    [course.sessionIds],
  );
  const ids = rows.map((r) => r.message_id);
  const deadline = Date.now() + timeoutMs;
  const accepted = () => ids.filter((id) => smtp.accepted.has(id)).length;
  while (accepted() < ids.length && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200));
  }
  const mailSeconds = (Date.now() - began) / 1000;
  const twice = ids.filter((id) => (smtp.accepted.get(id)?.times ?? 0) > 1).length;
  checks.push([
    'each booking mail accepted by SMTP exactly once',
    accepted() === ids.length && ids.length === rush.answers.length && twice === 0,
    `${accepted()} of ${ids.length} mails for ${rush.answers.length} bookings, ${twice} more than once`,
  ]);
  for (const p of [...apis, ...workers]) {
    await p.stop();
  }
  return { rush, checks, mailSeconds };
}
