import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Rel, type Opt } from '@mikro-orm/core';
import { BookingStatus } from '@lh/domain';
import { randomUUID } from 'node:crypto';
import { Person } from '../people/person.entity';
import { Session } from '../scheduling/session.entity';

/** A person's place on a session. */
@Entity({ tableName: 'booking' })
@Index({ name: 'booking_session_status_idx', properties: ['session', 'status'] })
export class Booking {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Session)
  session!: Rel<Session>;

  @ManyToOne(() => Person)
  @Index()
  person!: Rel<Person>;

  @Enum({ items: () => BookingStatus, nativeEnumName: 'booking_status' })
  status!: BookingStatus;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();
}
