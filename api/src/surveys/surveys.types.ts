import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { QuestionKind, SurveyAudience, SurveyInvitationStatus, SurveyMeasure, SurveyMode, SurveyStage } from '@lh/domain';

registerEnumType(SurveyStage, {
  name: 'SurveyStage',
  description: 'When a survey is asked: at the end of the course, 6 or 12 months after.',
});
registerEnumType(SurveyAudience, { name: 'SurveyAudience', description: 'Who answers: the attendee, or their line manager.' });
registerEnumType(SurveyMode, {
  name: 'SurveyMode',
  description: 'ANONYMOUS: answers not linked to the person. IDENTIFIED: kept with their name.',
});
registerEnumType(SurveyMeasure, { name: 'SurveyMeasure', description: 'What a question measures: reaction, learning or behaviour.' });
registerEnumType(QuestionKind, { name: 'QuestionKind' });
registerEnumType(SurveyInvitationStatus, { name: 'SurveyInvitationStatus' });

export { QuestionKind, SurveyAudience, SurveyInvitationStatus, SurveyMeasure, SurveyMode, SurveyStage };

@ObjectType('SurveyQuestion')
export class SurveyQuestionType {
  @Field(() => String) id!: string;
  @Field(() => QuestionKind) kind!: QuestionKind;
  @Field(() => String) text!: string;
  @Field(() => String, { nullable: true }) hint!: string | null;
  @Field(() => Boolean) required!: boolean;
  @Field(() => SurveyMeasure) measures!: SurveyMeasure;
  @Field(() => Boolean, { description: 'Asked once for each learning outcome of the course.' }) perOutcome!: boolean;
  @Field(() => [String]) options!: string[];
  @Field(() => String, { nullable: true }) lowLabel!: string | null;
  @Field(() => String, { nullable: true }) highLabel!: string | null;
  @Field(() => Float, { nullable: true }) min!: number | null;
  @Field(() => Float, { nullable: true }) max!: number | null;
  @Field(() => Boolean, { description: 'This answer is the action plan shown back at 6 and 12 months.' }) actionPlan!: boolean;
  @Field(() => Boolean, { description: 'A rating that is the confidence now, reported beside confidence before and after the course.' })
  confidence!: boolean;
}

@ObjectType('SurveyTemplate')
export class SurveyTemplateType {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => SurveyStage) stage!: SurveyStage;
  @Field(() => SurveyAudience) audience!: SurveyAudience;
  @Field(() => SurveyMode) mode!: SurveyMode;
  @Field(() => Int, { description: 'The latest version.' }) version!: number;
  @Field(() => Boolean, { description: 'A default for safeguarding training (used by courses that choose nothing).' }) isDefault!: boolean;
  @Field(() => Boolean, { description: 'The latest version has been sent: the next edit makes a new version.' }) sent!: boolean;
  @Field(() => Int, { description: 'Responses to any version.' }) responseCount!: number;
  @Field(() => Int, { description: 'Courses that use it (by choice, or as the default).' }) courseCount!: number;
  @Field(() => [SurveyQuestionType]) questions!: SurveyQuestionType[];
}

@ObjectType('CourseSurveySettings')
export class CourseSurveySettingsType {
  @Field(() => ID) courseId!: string;
  @Field(() => String) courseTitle!: string;
  @Field(() => ID, { nullable: true, description: 'Null: the default.' }) endOfCourseTemplateId!: string | null;
  @Field(() => ID, { nullable: true }) sixMonthsTemplateId!: string | null;
  @Field(() => ID, { nullable: true }) twelveMonthsTemplateId!: string | null;
  @Field(() => ID, { nullable: true }) sixMonthsManagerTemplateId!: string | null;
  @Field(() => ID, { nullable: true }) twelveMonthsManagerTemplateId!: string | null;
  @Field(() => Boolean) sendManagerSurveys!: boolean;
}

/** One place on the form: a question (for one learning outcome, when asked per outcome), with any draft answer. */
@ObjectType('SurveyFormQuestion')
export class SurveyFormQuestionType {
  @Field(() => String, { description: 'The input id and the field API problems name.' }) fieldId!: string;
  @Field(() => String) questionId!: string;
  @Field(() => Int, { nullable: true }) outcomeIndex!: number | null;
  @Field(() => String, { description: 'The words on the screen.' }) label!: string;
  @Field(() => QuestionKind) kind!: QuestionKind;
  @Field(() => String, { nullable: true }) hint!: string | null;
  @Field(() => Boolean) required!: boolean;
  @Field(() => [String]) options!: string[];
  @Field(() => String, { nullable: true }) lowLabel!: string | null;
  @Field(() => String, { nullable: true }) highLabel!: string | null;
  @Field(() => Float, { nullable: true }) min!: number | null;
  @Field(() => Float, { nullable: true }) max!: number | null;
  @Field(() => String, { nullable: true, description: 'An action-plan review: the plan shown back.' }) shownText!: string | null;
  @Field(() => [String], { description: 'The saved draft answer, as the form sends it.' }) values!: string[];
}

@ObjectType('SurveyForm')
export class SurveyFormType {
  @Field(() => SurveyStage) stage!: SurveyStage;
  @Field(() => SurveyAudience) audience!: SurveyAudience;
  @Field(() => SurveyMode) mode!: SurveyMode;
  @Field(() => String, { description: 'Who sees the answers, in words: shown on the form.' }) modeStatement!: string;
  @Field(() => SurveyInvitationStatus) status!: SurveyInvitationStatus;
  @Field(() => String) courseTitle!: string;
  @Field(() => Date) sessionStartsAt!: Date;
  @Field(() => String, { nullable: true, description: "A line manager's survey: whose practice it is about." }) aboutName!: string | null;
  @Field(() => Date) expiresAt!: Date;
  @Field(() => Date, { nullable: true }) draftSavedAt!: Date | null;
  @Field(() => [SurveyFormQuestionType]) questions!: SurveyFormQuestionType[];
}

/** A survey the signed-in person is asked to answer, with the personal link's token. */
@ObjectType('YourSurvey')
export class YourSurveyType {
  @Field(() => ID) invitationId!: string;
  @Field(() => String) token!: string;
  @Field(() => SurveyStage) stage!: SurveyStage;
  @Field(() => SurveyInvitationStatus) status!: SurveyInvitationStatus;
  @Field(() => String) courseTitle!: string;
  @Field(() => Date) sessionStartsAt!: Date;
  @Field(() => Date) expiresAt!: Date;
  @Field(() => Boolean) hasDraft!: boolean;
}
