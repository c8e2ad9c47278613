import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ChargeAgencyType, ChargeStatus } from '@lh/domain';
import { CourseOutcome } from '../common/graphql-enums';
import type { NonAttendanceRow } from './non-attendance.repository';

registerEnumType(ChargeStatus, {
  name: 'ChargeStatus',
  description: 'CHARGED: to be invoiced; WAIVED: let go by a coordinator, with a reason; VOID: the outcome was corrected.',
});
registerEnumType(ChargeAgencyType, {
  name: 'ChargeAgencyType',
  description: 'What the non-attendance policy is set for: statutory partners (any sector), or the other agencies of one sector.',
});

/** The list's filter on charges: one status, or the non-attendances nothing was charged for. */
export const NonAttendanceChargeFilter = { ...ChargeStatus, NOT_CHARGED: 'NOT_CHARGED' } as const;
export type NonAttendanceChargeFilter = (typeof NonAttendanceChargeFilter)[keyof typeof NonAttendanceChargeFilter];
registerEnumType(NonAttendanceChargeFilter, { name: 'NonAttendanceChargeFilter' });

export { ChargeAgencyType, ChargeStatus };

/** What one agency type pays a day when a place is not used. */
@ObjectType('NonAttendanceRate')
export class NonAttendanceRateType {
  @Field(() => ChargeAgencyType) agencyType!: ChargeAgencyType;
  @Field(() => String, { description: 'The type in words ("Statutory partners", "Housing").' }) label!: string;
  @Field(() => Int, { description: 'Pence a day the session runs, for a non-attendance.' }) nonAttendancePence!: number;
  @Field(() => Int, { description: 'Pence a day the session runs, for a cancellation after the cut-off.' }) lateCancellationPence!: number;
  @Field(() => [String], { description: 'The agencies (not retired) of this type now, by name.' }) agencyNames!: string[];
  @Field(() => Date, { nullable: true }) updatedAt!: Date | null;
  @Field(() => String, { nullable: true }) updatedByName!: string | null;
}

/** A charge to an agency for a place not used, as it stands. */
@ObjectType('NonAttendanceCharge')
export class NonAttendanceChargeType {
  @Field(() => ID) id!: string;
  @Field(() => ChargeStatus) status!: ChargeStatus;
  @Field(() => Int, { description: 'London calendar days the session runs on.' }) days!: number;
  @Field(() => Int) perDayPence!: number;
  @Field(() => Int) amountPence!: number;
  @Field(() => String, { description: 'The policy rule that applied, as it was when charged.' }) rule!: string;
  @Field(() => Date) chargedAt!: Date;
  @Field(() => String, { nullable: true, description: 'Why it was waived or voided.' }) statusReason!: string | null;
  @Field(() => Date, { nullable: true }) statusChangedAt!: Date | null;
  @Field(() => String, { nullable: true }) statusChangedByName!: string | null;
}

/** One place in the period that was not used (or whose charge a correction voided). */
@ObjectType('NonAttendanceEntry')
export class NonAttendanceEntryType {
  @Field(() => ID) bookingId!: string;
  @Field(() => CourseOutcome) outcome!: CourseOutcome;
  @Field(() => Date) decidedAt!: Date;
  @Field(() => ID) personId!: string;
  @Field(() => String) personName!: string;
  @Field(() => String) personEmail!: string;
  @Field(() => ID, { nullable: true, description: 'The agency the place was booked under.' }) agencyId!: string | null;
  @Field(() => String, { nullable: true }) agencyName!: string | null;
  @Field(() => ID) sessionId!: string;
  @Field(() => Date) sessionStartsAt!: Date;
  @Field(() => ID) courseId!: string;
  @Field(() => String) courseTitle!: string;
  @Field(() => NonAttendanceChargeType, { nullable: true, description: 'Null when nothing was charged.' })
  charge!: NonAttendanceChargeType | null;

  static from(r: NonAttendanceRow): NonAttendanceEntryType {
    return Object.assign(new NonAttendanceEntryType(), {
      ...r,
      charge: r.charge ? Object.assign(new NonAttendanceChargeType(), r.charge) : null,
    });
  }
}

/** One agency's non-attendances and charges in the period. */
@ObjectType('NonAttendanceAgencyTotal')
export class NonAttendanceAgencyTotalType {
  @Field(() => ID, { nullable: true, description: 'Null for places booked under no agency.' }) agencyId!: string | null;
  @Field(() => String) agencyName!: string;
  @Field(() => Int) nonAttendances!: number;
  @Field(() => Int) lateCancellations!: number;
  @Field(() => Int, { description: 'Pence still charged (to invoice).' }) chargedPence!: number;
  @Field(() => Int, { description: 'Pence waived by coordinators.' }) waivedPence!: number;
}

/** The coordinators' list for a period: every entry, and totals per agency. */
@ObjectType('NonAttendanceReport')
export class NonAttendanceReportType {
  @Field(() => String, { description: 'First London date, YYYY-MM-DD.' }) from!: string;
  @Field(() => String, { description: 'Last London date, included.' }) to!: string;
  @Field(() => [NonAttendanceEntryType]) entries!: NonAttendanceEntryType[];
  @Field(() => [NonAttendanceAgencyTotalType], { description: 'By agency name.' }) totals!: NonAttendanceAgencyTotalType[];
}

/** The list as a CSV file for invoicing. */
@ObjectType('NonAttendanceCsv')
export class NonAttendanceCsvType {
  @Field(() => String) fileName!: string;
  @Field(() => String) content!: string;
}
