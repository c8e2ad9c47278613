import { Check, Entity, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/** A place where sessions happen: often a partner's free room (a college, a school, a hospital). */
@Entity({ tableName: 'venue' })
@Check({ name: 'venue_capacity_check', expression: 'capacity IS NULL OR capacity > 0' })
export class Venue {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Property({ type: 'text' })
  address!: string;

  @Property({ type: 'text', nullable: true })
  accessibilityNotes?: string | null;

  /** Rooms a session can be given (empty: the venue is booked as a whole). */
  @Property({ type: 'text[]', default: '{}' })
  rooms: Opt<string[]> = [];

  /** Most people the venue holds (null: not recorded). */
  @Property({ type: 'integer', nullable: true })
  capacity?: number | null;
}
