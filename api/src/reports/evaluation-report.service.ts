import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { SurveyStage } from '@lh/domain';
import { Clock } from '../common/clock';
import type { Viewer } from '../common/viewer';
import type { SurveyScope } from '../surveys/survey-results-sql';
import { SurveyBreakdown, type SurveyResultGroupType } from '../surveys/survey-results.types';
import { SurveyQuotesService } from '../surveys/survey-quotes.service';
import { SurveyResultsService } from '../surveys/survey-results.service';
import { groupRow, stageRows } from './evaluation-rows';
import { ReportFilters, type CheckedFilter } from './report-filter';
import { ConfidencePoint, EvaluationBreakdown, type ConfidenceStageType, type EvaluationReportType } from './evaluation-report.types';
import type { ReportFilterInput } from './reports.types';

/** The survey scope of a checked report filter: the months the period touches, and every filter. */
export function surveyScopeOf(checked: CheckedFilter): SurveyScope {
  const period = checked.periods[0]!;
  const { scope } = checked;
  return {
    fromMonth: period.from.slice(0, 7),
    toMonth: period.to.slice(0, 7),
    courseId: scope.courseId,
    priorityAreaId: scope.priorityAreaId,
    level: scope.level,
    format: scope.format,
    trainerId: scope.trainerId,
    agencyId: scope.agencyId,
    sector: scope.sector,
  };
}

/** Confidence at the four points, from a group's confidence per stage: a chart's points, in order. */
export function confidenceStages(group: SurveyResultGroupType): ConfidenceStageType[] {
  const at = (stage: SurveyStage) => group.confidence.find((c) => c.stage === stage);
  const end = at(SurveyStage.END_OF_COURSE);
  const point = (p: ConfidencePoint, label: string, average: number | null | undefined, responses: number | undefined) => ({
    point: p,
    label,
    average: average ?? null,
    responses: responses ?? 0,
  });
  return [
    point(ConfidencePoint.BEFORE, 'Before the course', end?.before, end?.before === null ? 0 : end?.responses),
    point(ConfidencePoint.AFTER, 'After the course', end?.now, end?.responses),
    point(ConfidencePoint.SIX_MONTHS, 'At 6 months', at(SurveyStage.SIX_MONTHS)?.now, at(SurveyStage.SIX_MONTHS)?.responses),
    point(ConfidencePoint.TWELVE_MONTHS, 'At 12 months', at(SurveyStage.TWELVE_MONTHS)?.now, at(SurveyStage.TWELVE_MONTHS)?.responses),
  ];
}

/**
 * Report 4, evaluation and impact (coordinators and reviewers): the survey results (SurveyResultsService, the
 * same SQL as the survey results page) for the report filter, overall and by course or agency, with the
 * picked quotes (never a name). Groups of fewer than 5 anonymous answers come back hidden.
 */
@Injectable()
export class EvaluationReportService {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly filters: ReportFilters,
    private readonly results: SurveyResultsService,
    private readonly quotes: SurveyQuotesService,
  ) {}

  async report(viewer: Viewer, filter: ReportFilterInput, by: EvaluationBreakdown): Promise<EvaluationReportType> {
    const em = this.em.fork();
    const checked = await this.filters.check(em, viewer, filter, this.clock.now());
    const scope = surveyScopeOf(checked);
    const label = checked.labels.find((l) => l.label === 'Course')?.value ?? 'All courses';
    const [results, quotes] = await Promise.all([
      this.results.resultsIn(em, scope, by === EvaluationBreakdown.AGENCY ? SurveyBreakdown.AGENCY : SurveyBreakdown.COURSE, label),
      this.quotes.quotesIn(em, scope, true),
    ]);
    const period = checked.periods[0]!;
    return {
      period: { kind: period.kind, from: period.from, to: period.to, label: period.label },
      filters: checked.labels,
      fromMonth: scope.fromMonth,
      toMonth: scope.toMonth,
      anonymousLeftOut: !!(scope.trainerId || scope.agencyId),
      overall: results.overall,
      by,
      stages: stageRows(results.overall),
      groups: results.groups.map(groupRow),
      confidence: confidenceStages(results.overall),
      quotes: quotes.quotes,
      anonymousQuotesHidden: quotes.anonymousHidden,
    };
  }
}
