import { Entity, PrimaryKey, Property, type Opt } from '@mikro-orm/core';

/**
 * The table rate-limiter-flexible's PostgreSQL store keeps its counts in (its own layout), declared
 * here so migrations and the entities agree. Only RateLimitService writes it, through the library.
 */
@Entity({ tableName: 'rate_limit' })
export class RateLimitCounter {
  /** "<limit>:<sha256 of the address or IP address>" */
  @PrimaryKey({ type: 'string', length: 255 })
  key!: string;

  @Property({ type: 'integer', default: 0 })
  points: Opt<number> = 0;

  /** When the count ends, in milliseconds since 1970 (null: never). */
  @Property({ type: 'bigint', nullable: true })
  expire?: string | null;
}
