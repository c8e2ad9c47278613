import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { DateField } from '../common/date-field';
import { MAX_LEVEL, MIN_LEVEL, ReportPeriodKind } from '@lh/domain';
import { AgencySector, CourseFormat } from '../common/graphql-enums';

registerEnumType(ReportPeriodKind, {
  name: 'ReportPeriodKind',
  description: 'Financial year (the default), academic year, quarter, month or custom dates.',
});

/** Which report a file is made of. */
export enum ReportKind {
  PROGRAMME_SUMMARY = 'PROGRAMME_SUMMARY',
  ANNUAL_TABLE = 'ANNUAL_TABLE',
  BY_AGENCY = 'BY_AGENCY',
  BY_SECTOR = 'BY_SECTOR',
  EVALUATION = 'EVALUATION',
  EVALUATION_BY_COURSE = 'EVALUATION_BY_COURSE',
  EVALUATION_BY_AGENCY = 'EVALUATION_BY_AGENCY',
  /** Report 4's ratings table: each rating question's average. */
  EVALUATION_RATINGS = 'EVALUATION_RATINGS',
  CHARGES = 'CHARGES',
  /** Per trainer: names, coordinators only. */
  TRAINERS = 'TRAINERS',
  TRAINER_AGENCIES = 'TRAINER_AGENCIES',
  /** Report 5: mandatory training compliance by requirement and agency. */
  COMPLIANCE = 'COMPLIANCE',
}
registerEnumType(ReportKind, { name: 'ReportKind' });

/** The column a report by agency or sector is sorted by (its figure for the period asked for). */
export enum AgencyReportSort {
  NAME = 'NAME',
  BOOKED = 'BOOKED',
  ATTENDED = 'ATTENDED',
  ATTENDANCE_RATE = 'ATTENDANCE_RATE',
  DID_NOT_ATTEND = 'DID_NOT_ATTEND',
  LATE_CANCELLATIONS = 'LATE_CANCELLATIONS',
  CHARGES = 'CHARGES',
}
registerEnumType(AgencyReportSort, { name: 'AgencyReportSort' });

/** What every report is for: a period of London dates and the filters. */
@InputType()
export class ReportFilterInput {
  @Field(() => ReportPeriodKind, { nullable: true, description: 'Default FINANCIAL_YEAR.' })
  @IsOptional()
  @IsEnum(ReportPeriodKind, { message: 'Choose a kind of period from the list' })
  periodKind?: ReportPeriodKind | null;

  @DateField('The start of the period', 'CUSTOM: the first London date. Otherwise any date in the period (default today). YYYY-MM-DD.')
  from?: string | null;

  @DateField('The end of the period', 'CUSTOM only: the last London date (included), YYYY-MM-DD.')
  to?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Choose a priority area from the list' })
  priorityAreaId?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt({ message: 'Choose a level from the list' })
  @Min(MIN_LEVEL, { message: 'Choose a level from the list' })
  @Max(MAX_LEVEL, { message: 'Choose a level from the list' })
  level?: number | null;

  @Field(() => CourseFormat, { nullable: true })
  @IsOptional()
  @IsEnum(CourseFormat, { message: 'Choose a format from the list' })
  format?: CourseFormat | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Choose a course from the list' })
  courseId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Coordinators only.' })
  @IsOptional()
  @IsUUID('all', { message: 'Choose a trainer from the list' })
  trainerId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The agency places were booked under.' })
  @IsOptional()
  @IsUUID('all', { message: 'Choose an agency from the list' })
  agencyId?: string | null;

  @Field(() => AgencySector, { nullable: true, description: 'The sector of the agency places were booked under.' })
  @IsOptional()
  @IsEnum(AgencySector, { message: 'Choose a sector from the list' })
  sector?: AgencySector | null;
}

@InputType()
export class AgencyReportInput {
  @Field(() => Boolean, { defaultValue: false, description: 'By sector instead of by agency.' })
  @IsBoolean()
  bySector!: boolean;

  @Field(() => AgencyReportSort, { nullable: true, description: 'Default NAME.' })
  @IsOptional()
  @IsEnum(AgencyReportSort, { message: 'Choose a column to sort by' })
  sort?: AgencyReportSort | null;

  @Field(() => Boolean, { defaultValue: false })
  @IsBoolean()
  descending!: boolean;
}

@ObjectType('ReportPeriod')
export class ReportPeriodType {
  @Field(() => ReportPeriodKind) kind!: ReportPeriodKind;
  @Field(() => String, { description: 'First London date.' }) from!: string;
  @Field(() => String, { description: 'Last London date, included.' }) to!: string;
  @Field(() => String) label!: string;
}

@ObjectType('ReportFilterLabel', { description: 'A filter a report was made with, in words: "Agency", "Northshire Police".' })
export class ReportFilterLabelType {
  @Field(() => String) label!: string;
  @Field(() => String) value!: string;
}

/** Every figure of report-definitions.ts, for one group (everything, a course, an area, an agency...). Shares are 0-1, null with no whole. */
@ObjectType('ReportFigures')
export class ReportFiguresType {
  @Field(() => Int) coursesDelivered!: number;
  @Field(() => Int) sessionsDelivered!: number;
  @Field(() => Int) sessionsCancelled!: number;
  @Field(() => Int) trainingDays!: number;
  @Field(() => Int) placesOffered!: number;
  @Field(() => Int) booked!: number;
  @Field(() => Float, { nullable: true }) fillRate!: number | null;
  @Field(() => Int) attended!: number;
  @Field(() => Int) attendedFully!: number;
  @Field(() => Int) attendedPartly!: number;
  @Field(() => Int) attendedBooked!: number;
  @Field(() => Float, { nullable: true }) attendanceRate!: number | null;
  @Field(() => Float, { nullable: true }) attendedOfPlaces!: number | null;
  @Field(() => Int) absentWithApology!: number;
  @Field(() => Int) didNotAttend!: number;
  @Field(() => Float, { nullable: true }) didNotAttendRate!: number | null;
  @Field(() => Int) lateCancellations!: number;
  @Field(() => Float, { nullable: true }) lateCancellationRate!: number | null;
  @Field(() => Int) awaitingRegister!: number;
  @Field(() => Int) walkIns!: number;
  @Field(() => Int) moved!: number;
  @Field(() => Int) waitingListDemand!: number;
  @Field(() => Float, { nullable: true }) averageAttendance!: number | null;
  @Field(() => Int) chargesPence!: number;
}

@ObjectType('ProgrammeSummary')
export class ProgrammeSummaryType {
  @Field(() => ReportPeriodType) period!: ReportPeriodType;
  @Field(() => [ReportFilterLabelType]) filters!: ReportFilterLabelType[];
  @Field(() => ReportFiguresType) figures!: ReportFiguresType;
}

@ObjectType('AnnualReportRow', { description: 'One course, a priority area’s subtotal, or the total: sessions delivered and attendance.' })
export class AnnualReportRowType {
  @Field(() => ID, { nullable: true, description: 'The course (null on subtotals and the total).' }) courseId!: string | null;
  @Field(() => String) label!: string;
  @Field(() => Int) delivered!: number;
  @Field(() => Int) attendance!: number;
}

@ObjectType('AnnualReportArea')
export class AnnualReportAreaType {
  @Field(() => ID) priorityAreaId!: string;
  @Field(() => String) name!: string;
  @Field(() => [AnnualReportRowType]) courses!: AnnualReportRowType[];
  @Field(() => AnnualReportRowType) subtotal!: AnnualReportRowType;
}

@ObjectType('AnnualReportTable')
export class AnnualReportTableType {
  @Field(() => ReportPeriodType) period!: ReportPeriodType;
  @Field(() => [ReportFilterLabelType]) filters!: ReportFilterLabelType[];
  @Field(() => [AnnualReportAreaType]) areas!: AnnualReportAreaType[];
  @Field(() => AnnualReportRowType) total!: AnnualReportRowType;
}

@ObjectType('AgencyFigures', { description: 'The figures of an agency or sector in one period.' })
export class AgencyFiguresType {
  @Field(() => Int) booked!: number;
  @Field(() => Int) attended!: number;
  @Field(() => Int) attendedBooked!: number;
  @Field(() => Float, { nullable: true }) attendanceRate!: number | null;
  @Field(() => Int) didNotAttend!: number;
  @Field(() => Int) lateCancellations!: number;
  @Field(() => Int) chargesPence!: number;
}

@ObjectType('AgencyReportRow')
export class AgencyReportRowType {
  @Field(() => String, { description: 'The agency id or sector key; "none" for places booked under no agency.' }) key!: string;
  @Field(() => String) name!: string;
  @Field(() => AgencyFiguresType) current!: AgencyFiguresType;
  @Field(() => AgencyFiguresType) previous!: AgencyFiguresType;
  @Field(() => Float, { nullable: true, description: 'Attendance rate now minus before, in percentage points.' }) attendanceRateChange!:
    number | null;
  @Field(() => Int) didNotAttendChange!: number;
  @Field(() => [AgencyFiguresType], { description: 'The oldest of three periods first, the period asked for last.' })
  trend!: AgencyFiguresType[];
}

@ObjectType('AgencyReport')
export class AgencyReportType {
  @Field(() => ReportPeriodType) period!: ReportPeriodType;
  @Field(() => ReportPeriodType) previousPeriod!: ReportPeriodType;
  @Field(() => [ReportPeriodType], { description: 'The three periods of the trend, oldest first.' }) trendPeriods!: ReportPeriodType[];
  @Field(() => [ReportFilterLabelType]) filters!: ReportFilterLabelType[];
  @Field(() => Boolean) bySector!: boolean;
  @Field(() => AgencyReportSort) sort!: AgencyReportSort;
  @Field(() => Boolean) descending!: boolean;
  @Field(() => [AgencyReportRowType]) rows!: AgencyReportRowType[];
  @Field(() => AgencyReportRowType) total!: AgencyReportRowType;
}

/** Options for the report a filter picks the choices of: what the filter form lists. */
@ObjectType('ReportFilterOption')
export class ReportFilterOptionType {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
}

@ObjectType('ReportFilterOptions', {
  description: 'What the report filter lists. Trainers only for coordinators (reviewers see no names).',
})
export class ReportFilterOptionsType {
  @Field(() => [ReportFilterOptionType]) priorityAreas!: ReportFilterOptionType[];
  @Field(() => [ReportFilterOptionType]) courses!: ReportFilterOptionType[];
  @Field(() => [ReportFilterOptionType]) agencies!: ReportFilterOptionType[];
  @Field(() => [ReportFilterOptionType]) trainers!: ReportFilterOptionType[];
}
