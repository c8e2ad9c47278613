import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { ChargeStatus, CourseOutcome, type ChargeAgencyType } from '@lh/domain';
import { randomUUID } from 'node:crypto';
import { Agency } from '../people/agency.entity';
import { Person } from '../people/person.entity';
import { Booking } from '../booking/booking.entity';
import { Session } from '../scheduling/session.entity';

/**
 * A charge to an agency for a place not used (a non-attendance or a late cancellation): a fact written
 * when the outcome is decided, under the policy at that moment (days, rate, amount and the rule in words
 * are kept with it). It is never deleted: a correction voids it, a coordinator may waive it, each with
 * who, when and why. At most one charge per booking is not void.
 */
@Entity({ tableName: 'non_attendance_charge' })
@Index({
  name: 'non_attendance_charge_one_live_per_booking',
  expression: `create unique index "non_attendance_charge_one_live_per_booking" on "non_attendance_charge" ("booking_id") where "status" <> 'VOID'`,
})
@Index({
  name: 'non_attendance_charge_charged_idx',
  expression: `create index "non_attendance_charge_charged_idx" on "non_attendance_charge" ("booking_id") include ("amount_pence") where "status" = 'CHARGED'`,
})
export class NonAttendanceCharge {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Booking, { deleteRule: 'cascade' })
  @Index()
  booking!: Rel<Booking>;

  @ManyToOne(() => Session, { deleteRule: 'cascade' })
  @Index()
  session!: Rel<Session>;

  @ManyToOne(() => Person, { deleteRule: 'cascade' })
  person!: Rel<Person>;

  /** The agency the place was booked under: who is invoiced. */
  @ManyToOne(() => Agency, { nullable: true, deleteRule: 'set null' })
  @Index()
  agency?: Rel<Agency> | null;

  /** The outcome charged: DID_NOT_ATTEND or LATE_CANCELLATION. */
  @Enum({ items: () => CourseOutcome, nativeEnumName: 'course_outcome' })
  outcome!: CourseOutcome;

  /** The agency's type when charged (STATUTORY_PARTNER or its sector). */
  @Property({ type: 'string', length: 40 })
  agencyType!: ChargeAgencyType;

  /** London calendar days the session runs on. */
  @Property({ type: 'smallint' })
  days!: number;

  @Property({ type: 'integer' })
  perDayPence!: number;

  @Property({ type: 'integer' })
  amountPence!: number;

  /** The policy rule that applied, in words, as it was then. */
  @Property({ type: 'text' })
  rule!: string;

  @Property({ type: 'datetime' })
  chargedAt!: Date;

  @Enum({ items: () => ChargeStatus, nativeEnumName: 'charge_status' })
  status!: ChargeStatus;

  /** Why it was waived or voided. */
  @Property({ type: 'text', nullable: true })
  statusReason?: string | null;

  @Property({ type: 'datetime', nullable: true })
  statusChangedAt?: Date | null;

  @ManyToOne(() => Person, { nullable: true, deleteRule: 'set null' })
  statusChangedBy?: Rel<Person> | null;

  /** The name of who waived or corrected it, kept as it was. */
  @Property({ type: 'text', nullable: true })
  statusChangedByName?: string | null;
}
