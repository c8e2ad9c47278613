import { Check, Entity, Index, ManyToOne, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Session } from './session.entity';

/** One dated part of a session (a two-day course has two). Instants are UTC; shown in Europe/London. */
@Entity({ tableName: 'session_part' })
@Check({ name: 'session_part_order_check', expression: 'ends_at > starts_at' })
export class SessionPart {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Session, { deleteRule: 'cascade' })
  @Index()
  session!: Rel<Session>;

  @Property({ type: 'datetime' })
  startsAt!: Date;

  @Property({ type: 'datetime' })
  endsAt!: Date;
}
