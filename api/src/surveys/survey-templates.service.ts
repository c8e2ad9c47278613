import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import {
  DomainError,
  ErrorCode,
  SurveyAudience,
  SurveyStage,
  editNeedsNewVersion,
  isUuid,
  modeChangeProblem,
  templateProblems,
  type SurveyQuestion,
} from '@lh/domain';
import { randomBytes } from 'node:crypto';
import { requireCoordinator } from '../common/access';
import { Clock } from '../common/clock';
import type { Viewer } from '../common/viewer';
import { Course } from '../catalogue/course.entity';
import { CourseSurveySettings } from './course-survey-settings.entity';
import { SurveyInvitation } from './survey-invitation.entity';
import { SurveyResponse } from './survey-response.entity';
import { SurveyTemplate, SurveyTemplateVersion } from './survey-template.entity';
import { SurveyTemplatePicker } from './survey-template-picker';
import { CourseSurveySettingsType, SurveyQuestionType, SurveyTemplateType } from './surveys.types';
import type { CourseSurveySettingsInput, SaveSurveyTemplateInput, SurveyQuestionInput } from './dto/survey.inputs';

const notFound = () => new DomainError(ErrorCode.NotFound, 'There is no survey template with that id. It may have been removed.');
const bad = (field: string, message: string) => new DomainError(ErrorCode.BadUserInput, message, [{ field, message }]);

const SLOTS = [
  ['endOfCourseTemplateId', SurveyStage.END_OF_COURSE, SurveyAudience.ATTENDEE, 'endOfCourse'],
  ['sixMonthsTemplateId', SurveyStage.SIX_MONTHS, SurveyAudience.ATTENDEE, 'sixMonths'],
  ['twelveMonthsTemplateId', SurveyStage.TWELVE_MONTHS, SurveyAudience.ATTENDEE, 'twelveMonths'],
  ['sixMonthsManagerTemplateId', SurveyStage.SIX_MONTHS, SurveyAudience.LINE_MANAGER, 'sixMonthsManager'],
  ['twelveMonthsManagerTemplateId', SurveyStage.TWELVE_MONTHS, SurveyAudience.LINE_MANAGER, 'twelveMonthsManager'],
] as const;

/**
 * Coordinators build survey templates and choose a course's templates. Editing a version that has
 * been sent makes a new version (the old one stays with its invitations and answers); a template with
 * anonymous answers cannot become named.
 */
@Injectable()
export class SurveyTemplatesService {
  constructor(
    private readonly em: EntityManager,
    private readonly picker: SurveyTemplatePicker,
    private readonly clock: Clock,
  ) {}

  async templates(viewer: Viewer): Promise<SurveyTemplateType[]> {
    requireCoordinator(viewer);
    const em = this.em.fork();
    const templates = await em.find(SurveyTemplate, {}, { orderBy: { stage: 'asc', audience: 'asc', name: 'asc' } });
    const usage = await this.usage(em);
    return Promise.all(templates.map((t) => this.toType(em, t, usage)));
  }

  async template(viewer: Viewer, id: string): Promise<SurveyTemplateType> {
    requireCoordinator(viewer);
    const em = this.em.fork();
    const template = isUuid(id) ? await em.findOne(SurveyTemplate, id) : null;
    if (!template) {
      throw notFound();
    }
    return this.toType(em, template, await this.usage(em));
  }

  /** Makes a template, or saves an edit (a new version when the latest has been sent). */
  async save(viewer: Viewer, input: SaveSurveyTemplateInput): Promise<SurveyTemplateType> {
    requireCoordinator(viewer);
    const questions = withIds(input.questions);
    const problems = templateProblems(questions, input.mode);
    if (input.stage !== SurveyStage.END_OF_COURSE && questions.some((q) => q.actionPlan)) {
      problems.push('Only an end-of-course survey can ask for the action plan');
    }
    if (problems.length) {
      throw new DomainError(
        ErrorCode.BadUserInput,
        problems.join('; '),
        problems.map((message) => ({ field: 'input.questions', message })),
      );
    }
    const now = this.clock.now();
    const id = await this.em.fork().transactional(async (em) => {
      if (!input.id) {
        if (input.audience === SurveyAudience.LINE_MANAGER && input.stage === SurveyStage.END_OF_COURSE) {
          throw bad('input.audience', 'Line managers are asked at 6 and 12 months only, not at the end of the course');
        }
        const template = em.create(SurveyTemplate, {
          name: input.name.trim(),
          stage: input.stage,
          audience: input.audience,
          createdAt: now,
        });
        em.create(SurveyTemplateVersion, { template, version: 1, mode: input.mode, questions, createdAt: now });
        await em.flush();
        return template.id;
      }
      const template = await em.findOne(SurveyTemplate, input.id, { lockMode: 4 /* pessimistic write */ });
      if (!template) {
        throw notFound();
      }
      if (template.stage !== input.stage || template.audience !== input.audience) {
        throw bad('input.stage', 'When a survey is asked and who answers it cannot change: make a new template instead');
      }
      const latest = (await this.picker.latest(em, template))!;
      const responses = await em.count(SurveyResponse, { templateVersion: { template } });
      const modeProblem = modeChangeProblem(latest.mode, input.mode, responses);
      if (modeProblem) {
        throw bad('input.mode', modeProblem);
      }
      template.name = input.name.trim();
      if (editNeedsNewVersion(await em.count(SurveyInvitation, { templateVersion: latest }))) {
        em.create(SurveyTemplateVersion, { template, version: latest.version + 1, mode: input.mode, questions, createdAt: now });
      } else {
        latest.mode = input.mode;
        latest.questions = questions;
      }
      await em.flush();
      return template.id;
    });
    return this.template(viewer, id);
  }

  async courseSettings(viewer: Viewer, courseId: string): Promise<CourseSurveySettingsType> {
    requireCoordinator(viewer);
    const em = this.em.fork();
    const course = isUuid(courseId) ? await em.findOne(Course, courseId) : null;
    if (!course) {
      throw new DomainError(ErrorCode.NotFound, 'There is no course with that id. It may have been removed.');
    }
    return this.settingsType(course, await em.findOne(CourseSurveySettings, { course }));
  }

  /** Chooses a course's templates (null: the default) and whether line managers are asked. */
  async setCourseSettings(viewer: Viewer, input: CourseSurveySettingsInput): Promise<CourseSurveySettingsType> {
    requireCoordinator(viewer);
    await this.em.fork().transactional(async (em) => {
      const course = await em.findOne(Course, input.courseId);
      if (!course) {
        throw new DomainError(ErrorCode.NotFound, 'There is no course with that id. It may have been removed.');
      }
      const settings = (await em.findOne(CourseSurveySettings, { course })) ?? em.create(CourseSurveySettings, { course });
      const problems: { field: string; message: string }[] = [];
      for (const [field, stage, audience, slot] of SLOTS) {
        const id = input[field] ?? null;
        const template = id ? await em.findOne(SurveyTemplate, id) : null;
        if (id && (!template || template.stage !== stage || template.audience !== audience)) {
          problems.push({ field: `input.${field}`, message: 'Choose a survey from the list for that stage' });
        }
        settings[slot] = template;
      }
      if (problems.length) {
        throw new DomainError(ErrorCode.BadUserInput, problems.map((p) => p.message).join('; '), problems);
      }
      settings.sendManagerSurveys = input.sendManagerSurveys;
      await em.flush();
    });
    return this.courseSettings(viewer, input.courseId);
  }

  // ---- internals ---------------------------------------------------------------------------

  /** How many courses use each template: by their choice, or (choosing nothing) as the default. */
  private async usage(em: EntityManager): Promise<Map<string, number>> {
    const [courses, settings] = await Promise.all([em.find(Course, {}, { fields: ['id'] }), em.find(CourseSurveySettings, {})]);
    const byCourse = new Map(settings.map((s) => [s.course.id, s]));
    const counts = new Map<string, number>();
    const defaults = new Map<string, string | null>();
    for (const [, stage, audience] of SLOTS) {
      defaults.set(`${stage}:${audience}`, (await this.picker.defaultFor(em, stage, audience))?.id ?? null);
    }
    for (const course of courses) {
      const s = byCourse.get(course.id);
      for (const [, stage, audience, slot] of SLOTS) {
        if (audience === SurveyAudience.LINE_MANAGER && !s?.sendManagerSurveys) {
          continue;
        }
        const id = s?.[slot]?.id ?? defaults.get(`${stage}:${audience}`);
        if (id) {
          counts.set(id, (counts.get(id) ?? 0) + 1);
        }
      }
    }
    return counts;
  }

  private async toType(em: EntityManager, t: SurveyTemplate, usage: Map<string, number>): Promise<SurveyTemplateType> {
    const latest = (await this.picker.latest(em, t))!;
    return Object.assign(new SurveyTemplateType(), {
      id: t.id,
      name: t.name,
      stage: t.stage,
      audience: t.audience,
      mode: latest.mode,
      version: latest.version,
      isDefault: !!t.defaultKey,
      sent: (await em.count(SurveyInvitation, { templateVersion: latest })) > 0,
      responseCount: await em.count(SurveyResponse, { templateVersion: { template: t } }),
      courseCount: usage.get(t.id) ?? 0,
      questions: latest.questions.map(toQuestionType),
    });
  }

  private settingsType(course: Course, s: CourseSurveySettings | null): CourseSurveySettingsType {
    return {
      courseId: course.id,
      courseTitle: course.title,
      endOfCourseTemplateId: s?.endOfCourse?.id ?? null,
      sixMonthsTemplateId: s?.sixMonths?.id ?? null,
      twelveMonthsTemplateId: s?.twelveMonths?.id ?? null,
      sixMonthsManagerTemplateId: s?.sixMonthsManager?.id ?? null,
      twelveMonthsManagerTemplateId: s?.twelveMonthsManager?.id ?? null,
      sendManagerSurveys: s?.sendManagerSurveys ?? false,
    };
  }
}

export function toQuestionType(q: SurveyQuestion): SurveyQuestionType {
  return {
    id: q.id,
    kind: q.kind,
    text: q.text,
    hint: q.hint ?? null,
    required: q.required,
    measures: q.measures,
    perOutcome: q.perOutcome,
    options: q.options ?? [],
    lowLabel: q.lowLabel ?? null,
    highLabel: q.highLabel ?? null,
    min: q.min ?? null,
    max: q.max ?? null,
    actionPlan: !!q.actionPlan,
    confidence: !!q.confidence,
  };
}

/** Questions as stored: a new question gets an id; options and labels trimmed. */
function withIds(inputs: SurveyQuestionInput[]): SurveyQuestion[] {
  return inputs.map((q) => ({
    id: q.id || `q${randomBytes(4).toString('hex')}`,
    kind: q.kind,
    text: q.text.trim(),
    hint: q.hint?.trim() || null,
    required: q.required,
    measures: q.measures,
    perOutcome: q.perOutcome,
    options: (q.options ?? []).map((o) => o.trim()).filter(Boolean),
    lowLabel: q.lowLabel?.trim() || null,
    highLabel: q.highLabel?.trim() || null,
    min: q.min ?? null,
    max: q.max ?? null,
    actionPlan: !!q.actionPlan,
    confidence: !!q.confidence,
  }));
}
