import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Opt, type Rel } from '@mikro-orm/core';
import { BookingStatus, type BookingAction } from '@lh/domain';
import { randomUUID } from 'node:crypto';
import { Person } from '../people/person.entity';
import { Booking } from './booking.entity';

/** One change to a booking: who, when, what, why. Never updated or deleted. */
@Entity({ tableName: 'booking_event' })
@Index({ name: 'booking_event_booking_status_action_idx', properties: ['booking', 'toStatus', 'action'] })
export class BookingEvent {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Booking, { deleteRule: 'cascade' })
  @Index()
  booking!: Rel<Booking>;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  at: Opt<Date> = new Date();

  /** Who did it; null for the system (offer expiry) or a manager acting through a link. */
  @ManyToOne(() => Person, { nullable: true })
  actor?: Rel<Person> | null;

  /** What happened: one of BOOKING_ACTIONS (libs/domain/src/booking-history.ts), each with its label. */
  /** The address that acted when nobody signed in did (a line manager deciding through their link). */
  @Property({ type: 'string', length: 320, nullable: true })
  actorEmail?: string | null;

  @Property({ type: 'string', length: 50 })
  action!: BookingAction;

  @Enum({ items: () => BookingStatus, nativeEnumName: 'booking_status', nullable: true })
  fromStatus?: BookingStatus | null;

  @Enum({ items: () => BookingStatus, nativeEnumName: 'booking_status' })
  toStatus!: BookingStatus;

  @Property({ type: 'text', nullable: true })
  reason?: string | null;
}
