import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Role } from '@lh/domain';
import { CurrentViewer, Public, Roles, SignedIn } from '../common/access.decorators';
import { IdArg } from '../common/ids';
import { TextArg } from '../common/text-arg';
import type { Viewer } from '../common/viewer';
import { SurveyAnsweringService } from './survey-answering.service';
import { SurveyTemplatesService } from './survey-templates.service';
import { CourseSurveySettingsType, SurveyFormType, SurveyTemplateType, YourSurveyType } from './surveys.types';
import { CourseSurveySettingsInput, SaveSurveyTemplateInput, SurveyAnswerInput } from './dto/survey.inputs';

/** Survey links carry a signed token of a few hundred characters; anything far longer is not one. */
const TokenArg = () =>
  TextArg('token', { maxLength: 2000, message: 'This survey link is not complete or has been changed: use the link from the email' });

/** Surveys: coordinators' templates and each course's choice; answering by personal link or from your own list. */
@Resolver()
export class SurveysResolver {
  constructor(
    private readonly templates: SurveyTemplatesService,
    private readonly answering: SurveyAnsweringService,
  ) {}

  @Roles(Role.COORDINATOR)
  @Query(() => [SurveyTemplateType], { description: 'Every survey template, with its latest version.' })
  surveyTemplates(@CurrentViewer() viewer: Viewer): Promise<SurveyTemplateType[]> {
    return this.templates.templates(viewer);
  }

  @Roles(Role.COORDINATOR)
  @Query(() => SurveyTemplateType)
  surveyTemplate(@CurrentViewer() viewer: Viewer, @IdArg('id') id: string): Promise<SurveyTemplateType> {
    return this.templates.template(viewer, id);
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => SurveyTemplateType, { description: 'Makes a template, or saves an edit (a new version once the latest has been sent).' })
  saveSurveyTemplate(@CurrentViewer() viewer: Viewer, @Args('input') input: SaveSurveyTemplateInput): Promise<SurveyTemplateType> {
    return this.templates.save(viewer, input);
  }

  @Roles(Role.COORDINATOR)
  @Query(() => CourseSurveySettingsType, {
    description: "A course's survey templates (null: the default) and whether line managers are asked.",
  })
  courseSurveySettings(@CurrentViewer() viewer: Viewer, @IdArg('courseId') courseId: string): Promise<CourseSurveySettingsType> {
    return this.templates.courseSettings(viewer, courseId);
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => CourseSurveySettingsType)
  setCourseSurveySettings(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: CourseSurveySettingsInput,
  ): Promise<CourseSurveySettingsType> {
    return this.templates.setCourseSettings(viewer, input);
  }

  @Public()
  @Query(() => SurveyFormType, { description: 'The survey a personal link is for, with any saved draft (no sign-in).' })
  surveyForm(@TokenArg() token: string): Promise<SurveyFormType> {
    return this.answering.form(token);
  }

  @Public()
  @Mutation(() => SurveyFormType, { description: 'Saves answers so far without sending them (any question may be left).' })
  saveSurveyDraft(
    @TokenArg() token: string,
    @Args('answers', { type: () => [SurveyAnswerInput] }) answers: SurveyAnswerInput[],
  ): Promise<SurveyFormType> {
    return this.answering.saveDraft(token, answers);
  }

  @Public()
  @Mutation(() => SurveyFormType, { description: 'Sends the answers (once). Any problem refuses all of it and keeps the draft.' })
  submitSurvey(
    @TokenArg() token: string,
    @Args('answers', { type: () => [SurveyAnswerInput] }) answers: SurveyAnswerInput[],
  ): Promise<SurveyFormType> {
    return this.answering.submit(token, answers);
  }

  @SignedIn()
  @Query(() => [YourSurveyType], { description: "The signed-in person's surveys: open ones and those already answered." })
  yourSurveys(@CurrentViewer() viewer: Viewer): Promise<YourSurveyType[]> {
    return this.answering.yours(viewer);
  }
}
