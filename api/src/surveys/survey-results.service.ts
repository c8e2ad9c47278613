import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import {
  DomainError,
  ErrorCode,
  Role,
  SurveyAudience,
  SurveyMeasure,
  SurveyStage,
  agencySectorLabels,
  formatLondonDateTime,
  surveyGroupShown,
} from '@lh/domain';
import { Course } from '../catalogue/course.entity';
import { hasRole, type Viewer } from '../common/viewer';
import { Agency } from '../people/agency.entity';
import { Session } from '../scheduling/session.entity';
import * as sql from './survey-results-sql';
import { SurveyBreakdown, type SurveyResultGroupType, type SurveyResultsFilter, type SurveyResultsType } from './survey-results.types';

type Row = Record<string, string | number | null> & { gkey: string | null };
const num = (v: string | number | null | undefined) => Number(v ?? 0);
const avg = (v: string | number | null | undefined) => (v === null || v === undefined ? null : Math.round(Number(v) * 100) / 100);
const STAGE_ORDER = Object.values(SurveyStage);
const byStage = <T extends { stage: SurveyStage }>(a: T, b: T) => STAGE_ORDER.indexOf(a.stage) - STAGE_ORDER.indexOf(b.stage);

/** The label of the group of anonymous answers under a breakdown by session or agency. */
export const ANONYMOUS_GROUP = 'Anonymous answers (no session or agency is kept with them)';

/**
 * Survey results for coordinators and reviewers, computed in PostgreSQL (survey-results-sql.ts) for
 * everything a filter covers and, when asked, per course, session, agency or sector: response rates
 * per stage, average ratings, confidence before, after, at 6 and at 12 months (and paired for the
 * same places on named surveys), the share reporting a change in practice, and action plans done.
 * A group with anonymous answers shows them only from SURVEY_MIN_GROUP answers.
 */
@Injectable()
export class SurveyResultsService {
  constructor(private readonly em: EntityManager) {}

  async results(viewer: Viewer, filter: SurveyResultsFilter): Promise<SurveyResultsType> {
    if (!hasRole(viewer, Role.COORDINATOR, Role.REVIEWER)) {
      throw new DomainError(ErrorCode.NotAllowed, 'Only coordinators and reviewers can see survey results.');
    }
    const em = this.em.fork();
    const label = (filter.courseId ? (await em.findOne(Course, filter.courseId))?.title : null) ?? 'All courses';
    return this.resultsIn(em, sql.scopeOf(filter), filter.by ?? SurveyBreakdown.NONE, label);
  }

  /**
   * Everything a scope covers (labelled `label`) and, unless `by` is NONE, one group per key: the figures of
   * survey results and of the evaluation report, who have checked the viewer and the filter.
   */
  async resultsIn(em: EntityManager, scope: sql.SurveyScope, by: SurveyBreakdown, label: string): Promise<SurveyResultsType> {
    const [[overall], groups] = await Promise.all([
      this.groups(em, scope, SurveyBreakdown.NONE),
      by === SurveyBreakdown.NONE ? [] : this.groups(em, scope, by),
    ]);
    return { overall: { ...(overall ?? emptyGroup('all', label)), label }, groups };
  }

  private async groups(em: EntityManager, scope: sql.SurveyScope, by: SurveyBreakdown): Promise<SurveyResultGroupType[]> {
    const figures = sql.resultFigures(scope, by);
    const rows = await em.execute<{ part: sql.ResultPart; row: Row }[]>(figures.sql, figures.params);
    const part = (name: sql.ResultPart) => rows.filter((r) => r.part === name).map((r) => r.row);
    const [rates, counts, ratings, confidence, pairs, practice, plans] = (
      ['rates', 'counts', 'ratings', 'confidence', 'pairs', 'practice', 'plans'] as const
    ).map(part);
    const keys = [...new Set([...rates, ...counts].map((r) => r.gkey))];
    const labels = await this.labels(em, by, keys);
    const of = (rows: Row[], key: string | null) => rows.filter((r) => r.gkey === key);
    return keys
      .map((key): SurveyResultGroupType => {
        const count = of(counts, key)[0];
        const responses = num(count?.responses);
        const group: SurveyResultGroupType = {
          ...emptyGroup(key, labels.get(key) ?? ANONYMOUS_GROUP),
          responses,
          responseRates: of(rates, key)
            .map((r) => ({
              stage: r.stage as SurveyStage,
              audience: r.audience as SurveyAudience,
              invited: num(r.invited),
              answered: num(r.answered),
            }))
            .sort((a, b) => byStage(a, b) || a.audience.localeCompare(b.audience)),
        };
        if (responses > 0 && !surveyGroupShown(responses, num(count?.anonymous))) {
          return { ...group, hidden: true };
        }
        return {
          ...group,
          ratings: of(ratings, key)
            .map((r) => ({
              stage: r.stage as SurveyStage,
              audience: r.audience as SurveyAudience,
              questionId: String(r.question_id),
              question: String(r.question),
              measures: r.measures as SurveyMeasure,
              responses: num(r.responses),
              average: avg(r.average)!,
            }))
            .sort((a, b) => byStage(a, b) || a.audience.localeCompare(b.audience)),
          confidence: of(confidence, key)
            .map((r) => ({ stage: r.stage as SurveyStage, responses: num(r.responses), before: avg(r.before), now: avg(r.now)! }))
            .sort(byStage),
          confidencePairs: of(pairs, key)
            .map((r) => ({
              stage: r.stage as SurveyStage,
              people: num(r.people),
              before: avg(r.before)!,
              after: avg(r.after)!,
              later: avg(r.later)!,
            }))
            .sort(byStage),
          practiceChange: of(practice, key)
            .map((r) => ({ stage: r.stage as SurveyStage, answered: num(r.answered), yes: num(r.yes) }))
            .sort(byStage),
          actionPlans: of(plans, key)
            .map((r) => ({ stage: r.stage as SurveyStage, done: num(r.done), partly: num(r.partly), notYet: num(r.not_yet) }))
            .sort(byStage),
        };
      })
      .sort((a, b) => (a.key === null ? 1 : b.key === null ? -1 : a.label.localeCompare(b.label)));
  }

  /** What each group is called: the course's title, the session's course and date, the agency's name, the sector. */
  private async labels(em: EntityManager, by: SurveyBreakdown, keys: (string | null)[]): Promise<Map<string | null, string>> {
    const ids = keys.filter((k): k is string => k !== null);
    switch (by) {
      case SurveyBreakdown.NONE:
        return new Map([['all', 'All courses']]);
      case SurveyBreakdown.SECTOR:
        return new Map(ids.map((k) => [k, agencySectorLabels[k as keyof typeof agencySectorLabels] ?? k]));
      case SurveyBreakdown.COURSE:
        return new Map((await em.find(Course, { id: { $in: ids } })).map((c) => [c.id, c.title]));
      case SurveyBreakdown.AGENCY:
        return new Map((await em.find(Agency, { id: { $in: ids } })).map((a) => [a.id, a.name]));
      case SurveyBreakdown.SESSION:
        return new Map(
          (await em.find(Session, { id: { $in: ids } }, { populate: ['course'] })).map((s) => [
            s.id,
            `${s.course.title}, ${formatLondonDateTime(s.startsAt)}`,
          ]),
        );
    }
  }
}

function emptyGroup(key: string | null, label: string): SurveyResultGroupType {
  return {
    key,
    label,
    responseRates: [],
    responses: 0,
    hidden: false,
    ratings: [],
    confidence: [],
    confidencePairs: [],
    practiceChange: [],
    actionPlans: [],
  };
}
