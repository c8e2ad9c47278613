import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { DomainError, ErrorCode, signInWaitSeconds, tryAgainSentence } from '@lh/domain';
import { RateLimiterRes } from 'rate-limiter-flexible';
import { createHash } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { RateLimitName } from '../config/rate-limit-config';
import { Clock } from '../common/clock';
import { ClockedPostgresStore } from './clocked-postgres-store';

export { RateLimitName };

const TABLE = 'rate_limit';
const DAY_SECONDS = 86_400;

/** "Too many attempts. Try again in 2 minutes." as the TOO_MANY_ATTEMPTS error (HTTP 429). */
export function tooManyAttempts(msBeforeNext: number): DomainError {
  return new DomainError(ErrorCode.TooManyAttempts, `Too many attempts. ${tryAgainSentence(msBeforeNext)}`);
}

/**
 * The one mechanism for rate limits: named limits (RateLimitName, sized in config) counted in
 * PostgreSQL by rate-limiter-flexible, in the app's own database, with the app's Clock. Keys (an
 * address, an IP address) are stored hashed. Use `consume` for "one more request", or the
 * `@RateLimited(name)` decorator on a resolver to count its calls per IP address. Sign-in also has a
 * per-account back-off (`checkSignInWait` / `signInFailed` / `signInSucceeded`).
 */
@Injectable()
export class RateLimitService implements OnModuleDestroy {
  private readonly limiters = new Map<string, ClockedPostgresStore>();

  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Counts one request for `key` under `name`; refuses with TOO_MANY_ATTEMPTS when over the limit. */
  async consume(name: RateLimitName, key: string): Promise<void> {
    try {
      await this.limiter(name).consume(hashKey(key));
    } catch (e) {
      throw e instanceof RateLimiterRes ? tooManyAttempts(e.msBeforeNext) : e;
    }
  }

  /** Refuses when `key` has already used up `name`, without counting this request. */
  async check(name: RateLimitName, key: string): Promise<void> {
    const res = await this.limiter(name).get(hashKey(key));
    if (res && res.consumedPoints >= this.config.rateLimits[name].points) {
      throw tooManyAttempts(res.msBeforeNext);
    }
  }

  /** Counts one request for `key` under `name`, as `consume`, but never refuses (for failures counted after the fact). */
  async count(name: RateLimitName, key: string): Promise<void> {
    await this.limiter(name).penalty(hashKey(key), 1);
  }

  /** Refuses while the account behind `email` is waiting after failed sign-ins. */
  async checkSignInWait(email: string): Promise<void> {
    const res = await this.limiter('SIGN_IN_WAIT').get(hashKey(email));
    if (res && res.consumedPoints > 1 && res.msBeforeNext > 0) {
      throw tooManyAttempts(res.msBeforeNext);
    }
  }

  /** A wrong password for `email`: counts it, and makes the account wait once it has had its free failures. */
  async signInFailed(email: string): Promise<void> {
    const key = hashKey(email);
    const failures = (await this.limiter('SIGN_IN_FAILURES').penalty(key, 1)).consumedPoints;
    const wait = signInWaitSeconds(failures, this.config.signInBackOff);
    if (wait > 0) {
      await this.limiter('SIGN_IN_WAIT').block(key, wait);
    }
  }

  /** A right password: the account's failures are forgotten. */
  async signInSucceeded(email: string): Promise<void> {
    const key = hashKey(email);
    await Promise.all([this.limiter('SIGN_IN_FAILURES').delete(key), this.limiter('SIGN_IN_WAIT').delete(key)]);
  }

  onModuleDestroy(): void {
    this.limiters.clear();
  }

  private limiter(name: RateLimitName | 'SIGN_IN_FAILURES' | 'SIGN_IN_WAIT'): ClockedPostgresStore {
    let limiter = this.limiters.get(name);
    if (!limiter) {
      const size =
        name === 'SIGN_IN_FAILURES'
          ? { points: 1_000_000, duration: DAY_SECONDS }
          : name === 'SIGN_IN_WAIT'
            ? { points: 1, duration: DAY_SECONDS }
            : { points: this.config.rateLimits[name].points, duration: this.config.rateLimits[name].seconds };
      limiter = new ClockedPostgresStore(
        {
          storeClient: this.em.getKnex(),
          storeType: 'knex',
          tableName: TABLE,
          tableCreated: true, // by a migration (see RateLimitCounter)
          keyPrefix: name.toLowerCase(),
          clearExpiredByTimeout: this.limiters.size === 0, // one sweeper is enough for the shared table
          ...size,
        },
        () => this.clock.now().getTime(),
      );
      this.limiters.set(name, limiter);
    }
    return limiter;
  }
}

function hashKey(key: string): string {
  return createHash('sha256').update(key.trim().toLowerCase()).digest('hex');
}
