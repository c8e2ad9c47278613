// Part 2: a burst of mail delivered by the API's own delivery worker to a local SMTP server.
import { SMTPServer } from 'smtp-server';
import { percentile } from './lib/stats.mjs';

/** A local SMTP server that notes when each Message-ID was accepted (and how often). */
export async function startSmtp() {
  const accepted = new Map();
  let connections = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onConnect(_session, callback) {
      connections++;
      callback();
    },
    onData(stream, _session, callback) {
      let head = '';
      stream.on('data', (c) => {
        if (head.length < 8192) {
          head += c.toString('latin1');
        }
      });
      stream.on('end', () => {
        const id = /^message-id:\s*(<[^>]+>)/im.exec(head)?.[1] ?? '(none)';
        const seen = accepted.get(id);
        accepted.set(id, { at: seen?.at ?? Date.now(), times: (seen?.times ?? 0) + 1 });
        callback();
      });
    },
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const port = server.server.address().port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    accepted,
    connections: () => connections,
    stop: () => new Promise((resolve) => server.close(resolve)),
  };
}

/**
 * Queues `count` mails at once, each a copy of one real confirmation mail (with its calendar invite)
 * to a different practitioner, as MailOutboxService.enqueue writes them: PENDING, due now, the kind's
 * priority, a Message-ID of its own, the invite with a UID of its own. Returns the commit instant.
 */
export async function queueMails(db, { templateId, people }) {
  await db.query('begin');
  await db.query(
    `insert into outbox_message (id, kind, status, priority, to_email, to_name, subject, text, html, message_id, next_attempt_at, created_at, person_id, session_id)
     select gen_random_uuid(), m.kind, 'PENDING', m.priority, p.email, p.name, m.subject, m.text, m.html,
            '<bench-' || gen_random_uuid() || '@bench.example>', now(), now(), p.id, m.session_id
       from outbox_message m, person p
      where m.id = $1 and p.id = any($2)`,
    [templateId, people.map((p) => p.id)],
  );
  await db.query(
    `insert into outbox_invite (id, message_id, position, ics, method, uid, sequence)
     select gen_random_uuid(), o.id, i.position, i.ics, i.method, i.uid || '-' || o.id, 0
       from outbox_message o, outbox_invite i
      where o.message_id like '<bench-%' and o.status = 'PENDING' and i.message_id = $1`,
    [templateId],
  );
  await db.query('commit');
  return Date.now();
}

/**
 * The delivery worker's query for the next due mail (NEXT_DUE in api/src/notifications/mail-delivery.service.ts,
 * copied), timed by EXPLAIN ANALYZE inside a transaction that queues the burst and rolls back.
 */
export async function explainNextDue(db, people, templateId) {
  await db.query('begin');
  try {
    await db.query(
      `insert into outbox_message (id, kind, status, priority, to_email, to_name, subject, text, html, message_id, next_attempt_at, person_id)
       select gen_random_uuid(), m.kind, 'PENDING', m.priority, p.email, p.name, m.subject, m.text, m.html,
              '<explain-' || gen_random_uuid() || '@bench.example>', now(), p.id
         from outbox_message m, person p where m.id = $1 and p.id = any($2)`,
      [templateId, people.map((p) => p.id)],
    );
    await db.query('analyze outbox_message');
    const explain = (format) =>
      db.query(
        `explain (analyze, format ${format})
       select m.id from outbox_message m
       where m.status = 'PENDING' and m.next_attempt_at <= now() and m.id <> all('{}'::uuid[])
         and not exists (
           select 1 from outbox_message e
           where e.to_email = m.to_email and e.status = 'PENDING' and e.id <> m.id and e.priority <= m.priority
             and (e.next_attempt_at, e.created_at) < (m.next_attempt_at, m.created_at))
       order by m.priority, m.next_attempt_at, m.created_at
       limit 1
       for update of m skip locked`,
      );
    const { rows } = await explain('json');
    const { rows: text } = await explain('text');
    return { ms: rows[0]['QUERY PLAN'][0]['Execution Time'], plan: text.map((r) => r['QUERY PLAN']).join('\n') };
  } finally {
    await db.query('rollback');
  }
}

/** Waits until every queued mail was accepted (or the time is up), then sums up. */
export async function awaitDelivery(db, smtp, { queuedAt, timeoutMs }) {
  const { rows } = await db.query(`select message_id from outbox_message where message_id like '<bench-%'`);
  const ids = rows.map((r) => r.message_id);
  const deadline = Date.now() + timeoutMs;
  const done = () => ids.filter((id) => smtp.accepted.has(id)).length;
  while (done() < ids.length && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200));
  }
  const delays = ids.filter((id) => smtp.accepted.has(id)).map((id) => smtp.accepted.get(id).at - queuedAt);
  const last = delays.length ? Math.max(...delays) : Number.NaN;
  const twice = ids.filter((id) => (smtp.accepted.get(id)?.times ?? 0) > 1).length;
  const {
    rows: [state],
  } = await db.query(
    `select count(*) filter (where status = 'SENT')::int as sent, count(*) filter (where status <> 'SENT')::int as other
       from outbox_message where message_id like '<bench-%'`,
  );
  return {
    queued: ids.length,
    accepted: delays.length,
    twice,
    rate: delays.length ? (delays.length * 1000) / last : Number.NaN,
    p50: percentile(delays, 50),
    p95: percentile(delays, 95),
    last,
    sentInDb: state.sent,
    notSentInDb: state.other,
  };
}
