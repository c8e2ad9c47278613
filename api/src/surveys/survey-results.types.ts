import { Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsOptional, IsUUID, Matches } from 'class-validator';
import { SurveyAudience, SurveyStage } from './surveys.types';

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
}

@ObjectType({ description: 'People asked and people who answered, at one stage and audience.' })
export class SurveyResponseRateType {
  @Field(() => SurveyStage) stage!: SurveyStage;
  @Field(() => SurveyAudience) audience!: SurveyAudience;
  @Field(() => Int) invited!: number;
  @Field(() => Int) answered!: number;
}

@ObjectType({ description: 'The average of one rating question (REACTION) at one stage; null when the group is too small to show.' })
export class SurveyRatingResultType {
  @Field(() => SurveyStage) stage!: SurveyStage;
  @Field(() => String) questionId!: string;
  @Field(() => String) question!: string;
  @Field(() => Int, { nullable: true, description: 'Null when hidden (fewer than 5 anonymous responses).' }) responses!: number | null;
  @Field(() => Float, { nullable: true }) average!: number | null;
}

@ObjectType()
export class SurveyResultsType {
  @Field(() => [SurveyResponseRateType]) responseRates!: SurveyResponseRateType[];
  @Field(() => [SurveyRatingResultType]) ratings!: SurveyRatingResultType[];
}
