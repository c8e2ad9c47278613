import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/** A place where sessions happen: often a partner's free room (a college, a school, a hospital). */
@Entity({ tableName: 'venue' })
export class Venue {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Property({ type: 'text' })
  address!: string;

  @Property({ type: 'text', nullable: true })
  accessibilityNotes?: string;
}
