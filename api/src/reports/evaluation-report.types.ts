import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { SurveyQuoteType, SurveyResultGroupType } from '../surveys/survey-results.types';
import { SurveyStage } from '../surveys/surveys.types';
import { ReportFilterLabelType, ReportPeriodType } from './reports.types';

/** How the evaluation report is broken down below its overall figures. */
export enum EvaluationBreakdown {
  COURSE = 'COURSE',
  AGENCY = 'AGENCY',
}
registerEnumType(EvaluationBreakdown, { name: 'EvaluationBreakdown' });

/** The four points at which confidence is measured, in order. */
export enum ConfidencePoint {
  BEFORE = 'BEFORE',
  AFTER = 'AFTER',
  SIX_MONTHS = 'SIX_MONTHS',
  TWELVE_MONTHS = 'TWELVE_MONTHS',
}
registerEnumType(ConfidencePoint, { name: 'ConfidencePoint' });

@ObjectType('ConfidenceStage', { description: 'Average confidence (1-5) at one point, and the responses it is from: a chart point.' })
export class ConfidenceStageType {
  @Field(() => ConfidencePoint) point!: ConfidencePoint;
  @Field(() => String, { description: '"Before the course", "After the course", "At 6 months", "At 12 months".' }) label!: string;
  @Field(() => Float, { nullable: true, description: 'Null when no one answered (or the answers are not shown).' })
  average!: number | null;
  @Field(() => Int) responses!: number;
}

@ObjectType('EvaluationStageRow', { description: 'The overall figures at one survey stage, as the page and the export show them.' })
export class EvaluationStageRowType {
  @Field(() => SurveyStage) stage!: SurveyStage;
  @Field(() => String) label!: string;
  @Field(() => Int, { description: 'Invitations sent and not withdrawn (every audience).' }) invited!: number;
  @Field(() => Int) answered!: number;
  @Field(() => Float, { nullable: true, description: 'Answered of invited, 0-1; null with no invitations.' }) responseRate!: number | null;
  @Field(() => Float, { nullable: true, description: 'Average confidence now (after the course at the end of it).' })
  confidence!: number | null;
  @Field(() => Int) practiceAnswered!: number;
  @Field(() => Float, { nullable: true, description: 'Share answering yes to a change in practice, 0-1.' }) changedPractice!: number | null;
  @Field(() => Int) actionPlansDone!: number;
  @Field(() => Int, { description: 'Action plans reviewed: done, partly or not yet.' }) actionPlansReviewed!: number;
}

@ObjectType('EvaluationGroupRow', { description: 'One course or agency: its figures over every stage, or hidden.' })
export class EvaluationGroupRowType {
  @Field(() => String, { nullable: true, description: 'The course or agency id; null for anonymous answers by agency.' })
  key!: string | null;
  @Field(() => String) label!: string;
  @Field(() => Boolean, { description: 'Fewer than 5 anonymous answers: only the invitations are shown.' }) hidden!: boolean;
  @Field(() => Int) invited!: number;
  @Field(() => Int) answered!: number;
  @Field(() => Float, { nullable: true }) responseRate!: number | null;
  @Field(() => Int) responses!: number;
  @Field(() => Float, { nullable: true, description: 'Average of every rating answer, 1-5.' }) averageRating!: number | null;
  @Field(() => Float, { nullable: true }) confidenceAfter!: number | null;
  @Field(() => Float, { nullable: true }) confidenceSixMonths!: number | null;
  @Field(() => Float, { nullable: true }) confidenceTwelveMonths!: number | null;
  @Field(() => Float, { nullable: true }) changedPractice!: number | null;
  @Field(() => Int) actionPlansDone!: number;
  @Field(() => Int) actionPlansReviewed!: number;
}

@ObjectType('EvaluationReport', {
  description:
    'Report 4: the survey results for the period and filters, overall and by course or agency, with confidence at four points and the picked quotes.',
})
export class EvaluationReportType {
  @Field(() => ReportPeriodType) period!: ReportPeriodType;
  @Field(() => [ReportFilterLabelType]) filters!: ReportFilterLabelType[];
  @Field(() => String, { description: 'The session months the answers are counted by, YYYY-MM.' }) fromMonth!: string;
  @Field(() => String) toMonth!: string;
  @Field(() => Boolean, { description: 'True when a trainer or agency filter leaves anonymous answers out (they keep neither).' })
  anonymousLeftOut!: boolean;
  @Field(() => SurveyResultGroupType) overall!: SurveyResultGroupType;
  @Field(() => EvaluationBreakdown) by!: EvaluationBreakdown;
  @Field(() => [EvaluationStageRowType], { description: 'The overall figures at each stage.' }) stages!: EvaluationStageRowType[];
  @Field(() => [EvaluationGroupRowType], { description: 'One row per course or agency (anonymous answers in one row by agency).' })
  groups!: EvaluationGroupRowType[];
  @Field(() => [ConfidenceStageType], { description: 'Overall confidence before, after, at 6 and at 12 months.' })
  confidence!: ConfidenceStageType[];
  @Field(() => [SurveyQuoteType], { description: 'Quotes picked by coordinators, without names.' }) quotes!: SurveyQuoteType[];
  @Field(() => Int, { description: 'Picked anonymous quotes left out: fewer than 5 anonymous answers in what the filter covers.' })
  anonymousQuotesHidden!: number;
}
