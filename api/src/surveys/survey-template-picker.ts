import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { DEFAULT_SURVEY_TEMPLATES, SurveyAudience, SurveyStage } from '@lh/domain';
import type { Course } from '../catalogue/course.entity';
import { CourseSurveySettings } from './course-survey-settings.entity';
import { SurveyTemplate, SurveyTemplateVersion } from './survey-template.entity';

type Slot = 'endOfCourse' | 'sixMonths' | 'twelveMonths' | 'sixMonthsManager' | 'twelveMonthsManager';

/** Where a course's choice for a stage and audience is kept (null: nothing is asked of that audience then). */
export function slotFor(stage: SurveyStage, audience: SurveyAudience): Slot | null {
  if (audience === SurveyAudience.ATTENDEE) {
    return stage === SurveyStage.END_OF_COURSE ? 'endOfCourse' : stage === SurveyStage.SIX_MONTHS ? 'sixMonths' : 'twelveMonths';
  }
  return stage === SurveyStage.END_OF_COURSE ? null : stage === SurveyStage.SIX_MONTHS ? 'sixMonthsManager' : 'twelveMonthsManager';
}

/** The one place that decides which template a course uses for a stage: its choice, or the default. */
@Injectable()
export class SurveyTemplatePicker {
  async templateFor(em: EntityManager, course: Course, stage: SurveyStage, audience: SurveyAudience): Promise<SurveyTemplate | null> {
    const slot = slotFor(stage, audience);
    if (!slot) {
      return null;
    }
    const settings = await em.findOne(CourseSurveySettings, { course: course.id }, { populate: [slot] });
    if (audience === SurveyAudience.LINE_MANAGER && !settings?.sendManagerSurveys) {
      return null;
    }
    const chosen = settings?.[slot];
    if (chosen) {
      return chosen;
    }
    return this.defaultFor(em, stage, audience);
  }

  async defaultFor(em: EntityManager, stage: SurveyStage, audience: SurveyAudience): Promise<SurveyTemplate | null> {
    const key = DEFAULT_SURVEY_TEMPLATES.find((d) => d.stage === stage && d.audience === audience)?.key;
    return key ? em.findOne(SurveyTemplate, { defaultKey: key }) : null;
  }

  async versionFor(em: EntityManager, course: Course, stage: SurveyStage, audience: SurveyAudience): Promise<SurveyTemplateVersion | null> {
    const template = await this.templateFor(em, course, stage, audience);
    return template ? this.latest(em, template) : null;
  }

  latest(em: EntityManager, template: SurveyTemplate): Promise<SurveyTemplateVersion | null> {
    return em.findOne(SurveyTemplateVersion, { template }, { orderBy: { version: 'desc' } });
  }
}
