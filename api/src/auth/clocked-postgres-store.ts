import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';

type Row = { points: number; expire: string | number | null };
type QueryResult = { rows: Row[]; rowCount: number };
type Query = { name?: string; text: string; values?: unknown[] };

/** What the PostgreSQL store of rate-limiter-flexible 11.4 does inside, as far as this subclass needs it. */
interface StoreInternals {
  tableCreated: boolean;
  points: number;
  _getTableIdentifier(): string;
  _query(q: Query): Promise<QueryResult>;
}

/**
 * rate-limiter-flexible's PostgreSQL store, reading time from the app's Clock instead of Date.now(),
 * so integration tests that fix the clock also fix when a wait ends. The three methods below are the
 * store's own (version 11.4.0, pinned), with `Date.now()` replaced by `this.now()`; the table and its
 * SQL are unchanged.
 */
export class ClockedPostgresStore extends RateLimiterPostgres {
  private readonly now: () => number;

  constructor(opts: ConstructorParameters<typeof RateLimiterPostgres>[0], now: () => number) {
    super(opts);
    this.now = now;
  }

  private get store(): StoreInternals {
    return this as unknown as StoreInternals;
  }

  _getRateLimiterRes(_rlKey: string, changedPoints: number, result: QueryResult): RateLimiterRes {
    const row = result.rows[0]!;
    const isFirstInDuration = changedPoints === row.points;
    const consumedPoints = isFirstInDuration ? changedPoints : row.points;
    const remainingPoints = Math.max(this.store.points - consumedPoints, 0);
    const msBeforeNext = row.expire ? Math.max(Number(row.expire) - this.now(), 0) : -1;
    return new RateLimiterRes(remainingPoints, msBeforeNext, consumedPoints, isFirstInDuration);
  }

  _upsert(key: string, points: number, msDuration: number, forceExpire = false): Promise<QueryResult> {
    if (!this.store.tableCreated) {
      return Promise.reject(new Error('Table is not created yet'));
    }
    const now = this.now();
    const table = this.store._getTableIdentifier();
    const newExpire = msDuration > 0 ? now + msDuration : null;
    const expireQ = forceExpire ? ' $3 ' : ` CASE WHEN ${table}.expire <= $4 THEN $3 ELSE ${table}.expire END `;
    return this.store._query({
      name: forceExpire ? 'rlflx-upsert-force' : 'rlflx-upsert',
      text: `
            INSERT INTO ${table} VALUES ($1, $2, $3)
              ON CONFLICT(key) DO UPDATE SET
                points = CASE
                          WHEN (${table}.expire <= $4 OR 1=${forceExpire ? 1 : 0}) THEN $2
                          ELSE ${table}.points + ($2)
                         END,
                expire = ${expireQ}
            RETURNING points, expire;`,
      values: [key, points, newExpire, now],
    });
  }

  async _get(rlKey: string): Promise<QueryResult | null> {
    if (!this.store.tableCreated) {
      throw new Error('Table is not created yet');
    }
    const res = await this.store._query({
      name: 'rlflx-get',
      text: `SELECT points, expire FROM ${this.store._getTableIdentifier()} WHERE key = $1 AND (expire > $2 OR expire IS NULL);`,
      values: [rlKey, this.now()],
    });
    return res.rowCount === 0 ? null : res;
  }
}
