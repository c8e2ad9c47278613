import { Entity, Enum, Index, ManyToOne, OneToOne, Property, type Rel } from '@mikro-orm/core';
import { CourseOutcome } from '@lh/domain';
import { Agency } from '../people/agency.entity';
import { Person } from '../people/person.entity';
import { Booking } from '../booking/booking.entity';
import { Session } from '../scheduling/session.entity';

/**
 * What a place on a session came to (attended, partly attended, did not attend, ...): a fact written
 * when the session's registers are all signed off (and again when a coordinator corrects one), read by
 * completion, prerequisites, non-attendance, records and reports. Nothing re-derives it.
 */
@Entity({ tableName: 'attendance_outcome' })
@Index({ name: 'attendance_outcome_person_idx', properties: ['person', 'outcome'] })
@Index({
  name: 'attendance_outcome_booking_outcome_idx',
  expression: `create index "attendance_outcome_booking_outcome_idx" on "attendance_outcome" ("booking_id") include ("outcome")`,
})
export class AttendanceOutcome {
  @OneToOne(() => Booking, { primary: true, owner: true, deleteRule: 'cascade' })
  booking!: Rel<Booking>;

  @ManyToOne(() => Session, { deleteRule: 'cascade' })
  @Index()
  session!: Rel<Session>;

  @ManyToOne(() => Person, { deleteRule: 'cascade' })
  person!: Rel<Person>;

  /** The agency the place was booked under. */
  @ManyToOne(() => Agency, { nullable: true, deleteRule: 'set null' })
  @Index()
  agency?: Rel<Agency> | null;

  @Enum({ items: () => CourseOutcome, nativeEnumName: 'course_outcome' })
  outcome!: CourseOutcome;

  @Property({ type: 'integer' })
  minutesAttended!: number;

  @Property({ type: 'integer' })
  minutesScheduled!: number;

  @Property({ type: 'datetime' })
  decidedAt!: Date;
}
