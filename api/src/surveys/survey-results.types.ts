import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { AgencySector } from '../common/graphql-enums';
import { IsBoolean, IsEnum, IsInt, IsOptional, IsString, IsUUID, Matches, MaxLength, Min } from 'class-validator';
import { SurveyAudience, SurveyMeasure, SurveyStage } from './surveys.types';

/** How the results are broken down: one group for everything, or a group per course, session, agency or sector. */
export enum SurveyBreakdown {
  NONE = 'NONE',
  COURSE = 'COURSE',
  SESSION = 'SESSION',
  AGENCY = 'AGENCY',
  SECTOR = 'SECTOR',
}
registerEnumType(SurveyBreakdown, { name: 'SurveyBreakdown' });

@InputType()
export class SurveyResultsFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Choose a course from the list' })
  courseId?: string | null;

  @Field(() => String, { nullable: true, description: 'First session month, YYYY-MM (London).' })
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'Enter the first month like 2026-09' })
  fromMonth?: string | null;

  @Field(() => String, { nullable: true, description: 'Last session month, YYYY-MM (London).' })
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'Enter the last month like 2027-08' })
  toMonth?: string | null;

  @Field(() => AgencySector, { nullable: true, description: 'Only answers from staff of agencies in this sector.' })
  @IsOptional()
  @IsEnum(AgencySector, { message: 'Choose a sector from the list' })
  sector?: AgencySector | null;

  @Field(() => SurveyBreakdown, { nullable: true, description: 'Default NONE: one group.' })
  @IsOptional()
  @IsEnum(SurveyBreakdown, { message: 'Choose how to break the results down' })
  by?: SurveyBreakdown | null;
}

@ObjectType('SurveyResponseRate', { description: 'People asked and people who answered, at one stage and audience.' })
export class SurveyResponseRateType {
  @Field(() => SurveyStage) stage!: SurveyStage;
  @Field(() => SurveyAudience) audience!: SurveyAudience;
  @Field(() => Int) invited!: number;
  @Field(() => Int) answered!: number;
}

@ObjectType('SurveyRatingResult', { description: 'The average of one rating question at one stage.' })
export class SurveyRatingResultType {
  @Field(() => SurveyStage) stage!: SurveyStage;
  @Field(() => SurveyAudience) audience!: SurveyAudience;
  @Field(() => String) questionId!: string;
  @Field(() => String) question!: string;
  @Field(() => SurveyMeasure) measures!: SurveyMeasure;
  @Field(() => Int) responses!: number;
  @Field(() => Float) average!: number;
}

@ObjectType('SurveyConfidence', {
  description: 'Average confidence (1-5) at one stage: before and after the course come from the end-of-course answers.',
})
export class SurveyConfidenceType {
  @Field(() => SurveyStage) stage!: SurveyStage;
  @Field(() => Int) responses!: number;
  @Field(() => Float, { nullable: true, description: 'End of course only: confidence before the course.' }) before!: number | null;
  @Field(() => Float, { description: 'Confidence now (at the end of the course: after it).' }) now!: number;
}

@ObjectType('SurveyConfidencePair', {
  description: 'The same people (named surveys) at the end of the course and at a later stage: confidence before, after and at that stage.',
})
export class SurveyConfidencePairType {
  @Field(() => SurveyStage, { description: 'SIX_MONTHS or TWELVE_MONTHS.' }) stage!: SurveyStage;
  @Field(() => Int) people!: number;
  @Field(() => Float) before!: number;
  @Field(() => Float) after!: number;
  @Field(() => Float) later!: number;
}

@ObjectType('SurveyPracticeChange', { description: 'Answers to yes/no questions about practice (tagged behaviour): how many said yes.' })
export class SurveyPracticeChangeType {
  @Field(() => SurveyStage) stage!: SurveyStage;
  @Field(() => Int) answered!: number;
  @Field(() => Int) yes!: number;
}

@ObjectType('SurveyActionPlanResult', { description: 'Action plans shown back at a later stage: done, partly, not yet.' })
export class SurveyActionPlanResultType {
  @Field(() => SurveyStage) stage!: SurveyStage;
  @Field(() => Int) done!: number;
  @Field(() => Int) partly!: number;
  @Field(() => Int) notYet!: number;
}

@ObjectType('SurveyResultGroup', { description: 'The results of one group (everything, a course, a session, an agency or a sector).' })
export class SurveyResultGroupType {
  @Field(() => String, {
    nullable: true,
    description: 'The course, session or agency id, or the sector; null for the group of anonymous answers.',
  })
  key!: string | null;
  @Field(() => String) label!: string;
  @Field(() => [SurveyResponseRateType]) responseRates!: SurveyResponseRateType[];
  @Field(() => Int) responses!: number;
  @Field(() => Boolean, { description: 'True when the answers are not shown: fewer than 5 anonymous answers could identify someone.' })
  hidden!: boolean;
  @Field(() => [SurveyRatingResultType]) ratings!: SurveyRatingResultType[];
  @Field(() => [SurveyConfidenceType]) confidence!: SurveyConfidenceType[];
  @Field(() => [SurveyConfidencePairType]) confidencePairs!: SurveyConfidencePairType[];
  @Field(() => [SurveyPracticeChangeType]) practiceChange!: SurveyPracticeChangeType[];
  @Field(() => [SurveyActionPlanResultType]) actionPlans!: SurveyActionPlanResultType[];
}

@ObjectType('SurveyResults')
export class SurveyResultsType {
  @Field(() => SurveyResultGroupType, { description: 'Everything the filter covers.' }) overall!: SurveyResultGroupType;
  @Field(() => [SurveyResultGroupType], { description: 'One group per course, session, agency or sector (empty for NONE).' })
  groups!: SurveyResultGroupType[];
}

@ObjectType('SurveyQuote', { description: 'A free-text answer, without the name of who wrote it.' })
export class SurveyQuoteType {
  @Field(() => ID) responseId!: string;
  @Field(() => String) questionId!: string;
  @Field(() => Int, { nullable: true }) outcomeIndex!: number | null;
  @Field(() => String) question!: string;
  @Field(() => String) text!: string;
  @Field(() => SurveyStage) stage!: SurveyStage;
  @Field(() => SurveyAudience) audience!: SurveyAudience;
  @Field(() => String) courseTitle!: string;
  @Field(() => String, { description: 'The London month of the session, YYYY-MM.' }) sessionMonth!: string;
  @Field(() => AgencySector, { nullable: true }) sector!: AgencySector | null;
  @Field(() => Boolean, { description: 'Picked by a coordinator for the annual report.' }) picked!: boolean;
}

@ObjectType('SurveyQuotes')
export class SurveyQuotesType {
  @Field(() => [SurveyQuoteType]) quotes!: SurveyQuoteType[];
  @Field(() => Int, { description: 'Anonymous free text left out: fewer than 5 anonymous answers in what the filter covers.' })
  anonymousHidden!: number;
}

@InputType()
export class PickSurveyQuoteInput {
  @Field(() => ID) @IsUUID('all', { message: 'This answer is not in the results' }) responseId!: string;
  @Field(() => String) @IsString() @MaxLength(60) questionId!: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) outcomeIndex?: number | null;
  @Field(() => Boolean) @IsBoolean() picked!: boolean;
}
