import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { SurveyDelivery } from './survey-delivery.service';
import { SurveyDeliveryResolver } from './survey-delivery.resolver';
import { SurveyMail } from './survey-mail';
import { SurveyOptOutService } from './survey-opt-out.service';
import { SurveyQuotesService } from './survey-quotes.service';
import { SurveyResultsResolver } from './survey-results.resolver';
import { SurveyResultsService } from './survey-results.service';
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
 * Part 2, delivery: SurveyDelivery (exported; the registers call `completionsChanged`), its sweep job, opt-out.
 */
@Module({
  imports: [NotificationsModule],
  providers: [
    SurveyTemplatePicker,
    SurveyDefaults,
    SurveyInvitations,
    SurveyTemplatesService,
    SurveyAnsweringService,
    SurveysResolver,
    SurveyMail,
    SurveyDelivery,
    SurveyOptOutService,
    SurveyDeliveryResolver,
    SurveyResultsService,
    SurveyQuotesService,
    SurveyResultsResolver,
  ],
  exports: [SurveyInvitations, SurveyTemplatePicker, SurveyDelivery, SurveyResultsService],
})
export class SurveysModule {}
