import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { AgencyReportRowType, ReportFiguresType, ReportFilterLabelType, ReportPeriodType } from './reports.types';

@ObjectType('ReportMonth', { description: 'One month of the period (cut to the period): its attendance figures.' })
export class ReportMonthType {
  @Field(() => String, { description: 'First London date.' }) from!: string;
  @Field(() => String, { description: 'Last London date, included.' }) to!: string;
  @Field(() => String, { description: '"October 2026".' }) label!: string;
  @Field(() => Int) sessionsDelivered!: number;
  @Field(() => Int) booked!: number;
  @Field(() => Int) attendedBooked!: number;
  @Field(() => Float, { nullable: true }) attendanceRate!: number | null;
  @Field(() => Int) didNotAttend!: number;
  @Field(() => Float, { nullable: true }) didNotAttendRate!: number | null;
}

@ObjectType('ReportConfidenceStage', {
  description: 'Average confidence (1-5) at one of the four stages: before and after the course, at 6 and at 12 months.',
})
export class ReportConfidenceStageType {
  @Field(() => String, { description: 'BEFORE, AFTER, SIX_MONTHS or TWELVE_MONTHS.' }) stage!: string;
  @Field(() => String) label!: string;
  @Field(() => Int, { description: 'Answers the average is of (0: no average).' }) responses!: number;
  @Field(() => Float, { nullable: true }) average!: number | null;
}

@ObjectType('ReportDashboard', {
  description: 'The dashboard: headline figures, attendance per month, did not attend by agency, confidence.',
})
export class ReportDashboardType {
  @Field(() => ReportPeriodType) period!: ReportPeriodType;
  @Field(() => [ReportFilterLabelType]) filters!: ReportFilterLabelType[];
  @Field(() => ReportFiguresType) figures!: ReportFiguresType;
  @Field(() => [ReportMonthType], { description: 'Oldest first.' }) months!: ReportMonthType[];
  @Field(() => [AgencyReportRowType], { description: 'By agency at booking, most did-not-attend first.' })
  agencies!: AgencyReportRowType[];
  @Field(() => [ReportConfidenceStageType]) confidence!: ReportConfidenceStageType[];
  @Field(() => String, { description: 'Which filters the confidence figures follow (they come from the survey results).' })
  confidenceScope!: string;
}
