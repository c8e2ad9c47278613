// The e2e stack's own database, for the one thing the API rightly never lets a client do: move a session into
// the past. Journeys that sign a register off need a part that has started; rather than wait in real time for
// one scheduled a few minutes ahead, they schedule it through the API as usual and then move its times back here.
// Test-only: it reaches the fresh database global setup made (E2E_DATABASE_URL), never a running service's clock.
import { Client } from 'pg';

async function withDatabase<T>(work: (db: Client) => Promise<T>): Promise<T> {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) {
    throw new Error('E2E_DATABASE_URL is not set: run e2e tests through jest --selectProjects e2e');
  }
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    return await work(db);
  } finally {
    await db.end();
  }
}

/**
 * Moves a session (all its parts, same lengths and gaps) so that its first part started `minutesAgo` minutes ago;
 * returns how far it moved, in milliseconds (negative: earlier).
 */
export function moveSessionToHaveStarted(sessionId: string, minutesAgo = 1): Promise<number> {
  return moveSessionToStartAt(sessionId, new Date(Date.now() - minutesAgo * 60_000));
}

/**
 * Moves a session (all its parts, same lengths and gaps) so that its first part starts at `startsAt` (a part
 * may then run over midnight, which the session form would not take: journeys near midnight need it);
 * returns how far it moved, in milliseconds (negative: earlier).
 */
export function moveSessionToStartAt(sessionId: string, startsAt: Date): Promise<number> {
  return withDatabase(async (db) => {
    await db.query('BEGIN');
    try {
      const { rows } = await db.query<{ by: string }>(
        `SELECT EXTRACT(EPOCH FROM ($2::timestamptz - starts_at)) * 1000 AS by FROM session WHERE id = $1`,
        [sessionId, startsAt.toISOString()],
      );
      if (!rows[0]) {
        throw new Error(`No session ${sessionId} in the e2e database`);
      }
      const by = Math.round(Number(rows[0].by));
      const shift = `make_interval(secs => $2::double precision / 1000)`;
      await db.query(`UPDATE session_part SET starts_at = starts_at + ${shift}, ends_at = ends_at + ${shift} WHERE session_id = $1`, [
        sessionId,
        by,
      ]);
      await db.query(`UPDATE session SET starts_at = starts_at + ${shift}, ends_at = ends_at + ${shift} WHERE id = $1`, [sessionId, by]);
      await db.query('COMMIT');
      return by;
    } catch (e) {
      await db.query('ROLLBACK');
      throw e;
    }
  });
}

/**
 * What the outbox holds for an address (kind, status, attempts, last error, when due), one line per mail: a spec
 * waiting in vain for a mail says whether it was never queued, is still waiting, or failed, and why.
 */
export function outboxFor(address: string): Promise<string> {
  return withDatabase(async (db) => {
    const { rows } = await db.query<Record<string, string>>(
      `SELECT kind, status, priority, attempts, coalesce(last_error, '') AS error, created_at, next_attempt_at, sent_at,
              (SELECT count(*) FROM outbox_message p WHERE p.status = 'PENDING') AS pending_everywhere
         FROM outbox_message WHERE lower(to_email) = lower($1) ORDER BY created_at`,
      [address],
    );
    const lines = rows.map((r) =>
      [
        r.kind,
        r.status,
        `priority ${r.priority}`,
        `${r.attempts} attempts`,
        `queued ${iso(r.created_at)}`,
        `due ${iso(r.next_attempt_at)}`,
        `sent ${iso(r.sent_at)}`,
        r.error,
      ].join(', '),
    );
    return `${rows.length} mail(s) in the outbox for ${address} (${rows[0]?.pending_everywhere ?? '?'} pending in all), now ${new Date().toISOString()}:\n${lines.join('\n')}`;
  });
}

const iso = (v: unknown): string => (v instanceof Date ? v.toISOString() : v ? String(v) : '-');
