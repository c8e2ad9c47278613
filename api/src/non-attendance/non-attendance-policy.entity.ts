import { Entity, ManyToOne, PrimaryKey, Property, type Opt, type Rel } from '@mikro-orm/core';
import type { ChargeAgencyType } from '@lh/domain';
import { Person } from '../people/person.entity';

/**
 * What one agency type (statutory partners, or the agencies of one sector) pays a day when a place is
 * not used: for a non-attendance and for a late cancellation, in pence. A type with no row pays nothing.
 */
@Entity({ tableName: 'non_attendance_policy' })
export class NonAttendancePolicy {
  /** STATUTORY_PARTNER or an agency sector (ChargeAgencyType). */
  @PrimaryKey({ type: 'string', length: 40 })
  agencyType!: ChargeAgencyType;

  @Property({ type: 'integer', default: 0 })
  nonAttendancePence: Opt<number> = 0;

  @Property({ type: 'integer', default: 0 })
  lateCancellationPence: Opt<number> = 0;

  @Property({ type: 'datetime' })
  updatedAt!: Date;

  @ManyToOne(() => Person, { nullable: true, deleteRule: 'set null' })
  updatedBy?: Rel<Person> | null;
}
