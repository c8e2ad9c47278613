import { Collection, Entity, Enum, Index, ManyToOne, OneToMany, PrimaryKey, Property, Unique, type Opt, type Rel } from '@mikro-orm/core';
import { BookingStatus } from '@lh/domain';
import { randomUUID } from 'node:crypto';
import { Agency } from '../people/agency.entity';
import { Person } from '../people/person.entity';
import { Session } from '../scheduling/session.entity';
import { BookingEvent } from './booking-event.entity';

/**
 * A person's place (or place in the queue) on a session. At most one live booking per person per
 * session (a partial unique index in the migration); every change is kept as a BookingEvent.
 */
@Entity({ tableName: 'booking' })
@Index({ name: 'booking_session_status_idx', properties: ['session', 'status'] })
@Unique({ name: 'booking_person_idempotency_key_unique', properties: ['person', 'idempotencyKey'] })
@Index({
  name: 'booking_one_live_per_person_session',
  expression: `create unique index "booking_one_live_per_person_session" on "booking" ("session_id", "person_id") where "status" in ('PENDING_APPROVAL', 'CONFIRMED', 'WAITLISTED', 'OFFERED')`,
})
// The reports read a session's bookings from this index alone (migrations 20261204000000 and 20261205010000)
@Index({
  name: 'booking_session_report_idx',
  expression: `create index "booking_session_report_idx" on "booking" ("session_id") include ("id", "status", "late_cancellation", "walk_in", "agency_id", "person_id", "ever_waitlisted", "ever_confirmed")`,
})
export class Booking {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Session)
  session!: Rel<Session>;

  @ManyToOne(() => Person)
  @Index()
  person!: Rel<Person>;

  /** The person's agency when they booked: reports by agency stay true after people move. */
  @ManyToOne(() => Agency, { nullable: true })
  @Index()
  agency?: Rel<Agency> | null;

  @Enum({ items: () => BookingStatus, nativeEnumName: 'booking_status' })
  status!: BookingStatus;

  /** Access needs and reasonable adjustments: seen by the person, coordinators and the session's trainers only. */
  @Property({ type: 'text', nullable: true })
  accessNeeds?: string | null;

  @Property({ type: 'text', nullable: true })
  dietaryNeeds?: string | null;

  /** Line manager to approve, where the course requires it. */
  @Property({ type: 'string', length: 320, nullable: true })
  managerEmail?: string | null;

  /** Place in the queue is by this time (then id). */
  @Property({ type: 'datetime', nullable: true })
  waitlistedAt?: Date | null;

  @Property({ type: 'datetime', nullable: true })
  offerExpiresAt?: Date | null;

  @Property({ type: 'datetime', nullable: true })
  approvalExpiresAt?: Date | null;

  @Property({ type: 'datetime', nullable: true })
  cancelledAt?: Date | null;

  /** Cancelled after the course's cut-off: feeds the non-attendance policy and reports. */
  @Property({ type: 'boolean', default: false })
  lateCancellation: Opt<boolean> = false;

  /**
   * Ever waited in the queue, and ever held a place (confirmed, or cancelled late): set by the database as the
   * status changes (trigger `booking_history_flags`, migration 20261205010000), never by the application; the
   * reports' waiting-list demand reads them.
   */
  @Property({ type: 'boolean', default: false })
  everWaitlisted: Opt<boolean> = false;

  @Property({ type: 'boolean', default: false })
  everConfirmed: Opt<boolean> = false;

  /** Added at the door by a trainer (a walk-in), not booked beforehand. */
  @Property({ type: 'boolean', default: false })
  walkIn: Opt<boolean> = false;

  /** The client's key for a booking request: a retried request returns the same booking. */
  @Property({ type: 'string', length: 100, nullable: true })
  idempotencyKey?: string | null;

  @OneToMany(() => BookingEvent, (e) => e.booking, { orderBy: { at: 'asc', id: 'asc' } })
  events = new Collection<BookingEvent>(this);

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Opt<Date> = new Date();
}
