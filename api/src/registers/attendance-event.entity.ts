import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique, type Opt, type Rel } from '@mikro-orm/core';
import { AttendanceMark, MarkSource } from '@lh/domain';
import { randomUUID } from 'node:crypto';
import { Booking } from '../booking/booking.entity';
import { Person } from '../people/person.entity';
import { SessionPart } from '../scheduling/session-part.entity';

/**
 * One mark on a register: who, when, how, the old and the new value, why. Never updated or deleted;
 * the current register is the latest event for each booking and part. `clientId` is the id the
 * device made for the mark, so a retried or replayed mark is recognised and never counts twice.
 */
@Entity({ tableName: 'attendance_event' })
@Index({ name: 'attendance_event_current_idx', properties: ['part', 'booking', 'at'] })
@Unique({ name: 'attendance_event_client_booking_unique', properties: ['clientId', 'booking', 'part'] })
export class AttendanceEvent {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => SessionPart, { deleteRule: 'cascade' })
  part!: Rel<SessionPart>;

  @ManyToOne(() => Booking, { deleteRule: 'cascade' })
  @Index()
  booking!: Rel<Booking>;

  /** The new mark; null takes a mark back (the person is "not marked" again). */
  @Enum({ items: () => AttendanceMark, nativeEnumName: 'attendance_mark', nullable: true })
  mark?: AttendanceMark | null;

  /** Minutes late or left early. */
  @Property({ type: 'smallint', nullable: true })
  minutes?: number | null;

  @Property({ type: 'text', nullable: true })
  note?: string | null;

  @Enum({ items: () => AttendanceMark, nativeEnumName: 'attendance_mark', nullable: true })
  previousMark?: AttendanceMark | null;

  @Property({ type: 'smallint', nullable: true })
  previousMinutes?: number | null;

  @Enum({ items: () => MarkSource, nativeEnumName: 'mark_source' })
  source!: MarkSource;

  /** Who marked; null only for marks the system made. */
  @ManyToOne(() => Person, { nullable: true, deleteRule: 'set null' })
  actor?: Rel<Person> | null;

  /** A coordinator's reason for a correction. */
  @Property({ type: 'text', nullable: true })
  reason?: string | null;

  @Property({ type: 'uuid' })
  clientId!: string;

  @Property({ type: 'datetime' })
  at!: Date;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  recordedAt: Opt<Date> = new Date();
}
