import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { MAX_LONG_TEXT, MAX_QUESTIONS } from '@lh/domain';
import { QuestionKind, SurveyAudience, SurveyMeasure, SurveyMode, SurveyStage } from '../surveys.types';

@InputType()
export class SurveyQuestionInput {
  @Field(() => String, { nullable: true, description: 'Keep the id of a question that stays; leave out for a new one.' })
  @IsOptional()
  @Matches(/^[a-z0-9-]{1,40}$/, { message: 'A question id is lower-case letters, numbers and hyphens' })
  id?: string | null;

  @Field(() => QuestionKind)
  @IsEnum(QuestionKind, { message: 'Choose a type of question from the list' })
  kind!: QuestionKind;

  @Field(() => String)
  @IsString()
  @MaxLength(500, { message: 'A question must be 500 characters or fewer' })
  text!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500, { message: 'A hint must be 500 characters or fewer' })
  hint?: string | null;

  @Field(() => Boolean) @IsBoolean() required!: boolean;

  @Field(() => SurveyMeasure)
  @IsEnum(SurveyMeasure, { message: 'Choose what the question measures' })
  measures!: SurveyMeasure;

  @Field(() => Boolean) @IsBoolean() perOutcome!: boolean;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20, { message: 'Give at most 20 answers to choose from' })
  @IsString({ each: true })
  @MaxLength(200, { each: true, message: 'Each answer to choose from must be 200 characters or fewer' })
  options?: string[] | null;

  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(60) lowLabel?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(60) highLabel?: string | null;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber() min?: number | null;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber() max?: number | null;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() actionPlan?: boolean | null;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() confidence?: boolean | null;
}

@InputType()
export class SaveSurveyTemplateInput {
  @Field(() => ID, { nullable: true, description: 'Leave out to make a new template.' })
  @IsOptional()
  @IsUUID('all', { message: 'There is no survey template with that id' })
  id?: string | null;

  @Field(() => String)
  @IsString()
  @Matches(/\S/, { message: 'Enter a name for the survey' })
  @MaxLength(200, { message: 'The name must be 200 characters or fewer' })
  name!: string;

  @Field(() => SurveyStage, { description: 'Fixed once made.' })
  @IsEnum(SurveyStage, { message: 'Choose when the survey is asked' })
  stage!: SurveyStage;

  @Field(() => SurveyAudience, { description: 'Fixed once made.' })
  @IsEnum(SurveyAudience, { message: 'Choose who answers the survey' })
  audience!: SurveyAudience;

  @Field(() => SurveyMode)
  @IsEnum(SurveyMode, { message: 'Choose whether the survey is anonymous' })
  mode!: SurveyMode;

  @Field(() => [SurveyQuestionInput])
  @IsArray()
  @ArrayMaxSize(MAX_QUESTIONS, { message: `A survey can have at most ${MAX_QUESTIONS} questions` })
  @ValidateNested({ each: true })
  @Type(() => SurveyQuestionInput)
  questions!: SurveyQuestionInput[];
}

@InputType()
export class CourseSurveySettingsInput {
  @Field(() => ID) @IsUUID('all', { message: 'There is no course with that id' }) courseId!: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', { message: 'Choose a survey from the list' }) endOfCourseTemplateId?:
    string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', { message: 'Choose a survey from the list' }) sixMonthsTemplateId?:
    string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', { message: 'Choose a survey from the list' }) twelveMonthsTemplateId?:
    string | null;
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Choose a survey from the list' })
  sixMonthsManagerTemplateId?: string | null;
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Choose a survey from the list' })
  twelveMonthsManagerTemplateId?: string | null;
  @Field(() => Boolean) @IsBoolean() sendManagerSurveys!: boolean;
}

@InputType()
export class SurveyAnswerInput {
  @Field(() => String) @IsString() @MaxLength(40) questionId!: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() outcomeIndex?: number | null;
  @Field(() => [String], { description: 'As the form sends it: one value, several for choose-any, [before, now] for a confidence pair.' })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(MAX_LONG_TEXT + 100, { each: true, message: 'An answer is too long: shorten it and send it again' })
  values!: string[];
}
