import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/** A partnership priority (Domestic Abuse, Neglect, Contextual Safeguarding, ...) that drives the offer. */
@Entity({ tableName: 'priority_area' })
export class PriorityArea {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 200 })
  @Unique()
  name!: string;
}
