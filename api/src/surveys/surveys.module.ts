import { Module } from '@nestjs/common';
import { SurveyAnsweringService } from './survey-answering.service';
import { SurveyDefaults } from './survey-defaults';
import { SurveyInvitations } from './survey-invitations';
import { SurveyTemplatePicker } from './survey-template-picker';
import { SurveyTemplatesService } from './survey-templates.service';
import { SurveysResolver } from './surveys.resolver';

/**
 * Surveys, part 1: templates (versioned; defaults made at start-up), each course's choice, invitations
 * and responses, answering by personal link or from your own list. SurveyInvitations is exported for
 * delivery (sign-off mail, 6- and 12-month jobs, withdrawal on correction).
 */
@Module({
  providers: [SurveyTemplatePicker, SurveyDefaults, SurveyInvitations, SurveyTemplatesService, SurveyAnsweringService, SurveysResolver],
  exports: [SurveyInvitations, SurveyTemplatePicker],
})
export class SurveysModule {}
