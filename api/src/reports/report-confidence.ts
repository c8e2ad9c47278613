import { Injectable } from '@nestjs/common';
import { SurveyStage, type ReportPeriod } from '@lh/domain';
import type { Viewer } from '../common/viewer';
import { SurveyResultsService } from '../surveys/survey-results.service';
import type { ReportConfidenceStageType } from './dashboard.types';
import type { ReportFilterInput } from './reports.types';

/** What the confidence figures follow of the report filter: the survey results filter by course, months and sector. */
export const CONFIDENCE_SCOPE = 'Confidence follows the period (by the month of the session), course and sector filters only.';

/**
 * The dashboard's confidence across the four stages, read from the survey results as they are (a small
 * adapter, to swap for an evaluation report on the report filter): the period becomes its session months,
 * course and sector pass through; before and after the course come from the end-of-course answers.
 */
@Injectable()
export class ReportConfidence {
  constructor(private readonly surveys: SurveyResultsService) {}

  async stages(viewer: Viewer, filter: ReportFilterInput, period: ReportPeriod): Promise<ReportConfidenceStageType[]> {
    const results = await this.surveys.results(viewer, {
      courseId: filter.courseId,
      fromMonth: period.from.slice(0, 7),
      toMonth: period.to.slice(0, 7),
      sector: filter.sector,
    });
    const at = (stage: SurveyStage) => results.overall.confidence.find((c) => c.stage === stage);
    const end = at(SurveyStage.END_OF_COURSE);
    const stage = (key: string, label: string, responses: number, average: number | null | undefined) => ({
      stage: key,
      label,
      responses: average === null || average === undefined ? 0 : responses,
      average: average ?? null,
    });
    return [
      stage('BEFORE', 'Before the course', end?.responses ?? 0, end?.before),
      stage('AFTER', 'After the course', end?.responses ?? 0, end?.now),
      stage('SIX_MONTHS', '6 months after', at(SurveyStage.SIX_MONTHS)?.responses ?? 0, at(SurveyStage.SIX_MONTHS)?.now),
      stage('TWELVE_MONTHS', '12 months after', at(SurveyStage.TWELVE_MONTHS)?.responses ?? 0, at(SurveyStage.TWELVE_MONTHS)?.now),
    ];
  }
}
