import { Entity, OneToOne, PrimaryKey, Property, Unique, type Opt, type Rel } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Person } from '../people/person.entity';

/**
 * A person's private calendar feed. The feed address holds a random token; only its SHA-256 is
 * stored, so the address can be shown once and never again. Resetting replaces the hash, and the old
 * address stops working. At most one per person.
 */
@Entity({ tableName: 'calendar_feed' })
export class CalendarFeed {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @OneToOne(() => Person, { owner: true, deleteRule: 'cascade', unique: 'calendar_feed_person_unique' })
  person!: Rel<Person>;

  /** hex SHA-256 of the token in the feed address */
  @Property({ type: 'string', length: 64 })
  @Unique({ name: 'calendar_feed_token_hash_unique' })
  tokenHash!: string;

  /** When this address was made (a reset makes a new one). */
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();
}
