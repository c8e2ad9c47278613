import { ReportFigure, SurveyStage, shareOf, stageAudienceLabel, surveyStageLabels, termOf } from '@lh/domain';
import type { ExportTable } from '../exports/table-export';
import type { SurveyResultGroupType } from '../surveys/survey-results.types';
import type { EvaluationGroupRowType, EvaluationReportType, EvaluationStageRowType } from './evaluation-report.types';

/**
 * The evaluation report's rows, made once from the survey results' groups: the page shows them and the
 * CSV/XLSX exports write them, so the two agree. Pure.
 */

const round2 = (v: number) => Math.round(v * 100) / 100;
const STAGES = [SurveyStage.END_OF_COURSE, SurveyStage.SIX_MONTHS, SurveyStage.TWELVE_MONTHS];

/** Invited and answered at one stage (or every stage), summed over audiences. */
function rates(group: SurveyResultGroupType, stage?: SurveyStage) {
  const rows = group.responseRates.filter((r) => !stage || r.stage === stage);
  const invited = rows.reduce((n, r) => n + r.invited, 0);
  const answered = rows.reduce((n, r) => n + r.answered, 0);
  return { invited, answered, responseRate: shareOf(answered, invited) };
}

const practice = (rows: SurveyResultGroupType['practiceChange']) => {
  const answered = rows.reduce((n, r) => n + r.answered, 0);
  return {
    practiceAnswered: answered,
    changedPractice: shareOf(
      rows.reduce((n, r) => n + r.yes, 0),
      answered,
    ),
  };
};

const plans = (rows: SurveyResultGroupType['actionPlans']) => ({
  actionPlansDone: rows.reduce((n, r) => n + r.done, 0),
  actionPlansReviewed: rows.reduce((n, r) => n + r.done + r.partly + r.notYet, 0),
});

/** The overall figures at each stage (a hidden group has only its invitations: the answers are empty). */
export function stageRows(group: SurveyResultGroupType): EvaluationStageRowType[] {
  return STAGES.map((stage) => ({
    stage,
    label: surveyStageLabels[stage],
    ...rates(group, stage),
    confidence: group.confidence.find((c) => c.stage === stage)?.now ?? null,
    ...practice(group.practiceChange.filter((r) => r.stage === stage)),
    ...plans(group.actionPlans.filter((r) => r.stage === stage)),
  }));
}

/** A course's or agency's figures over every stage; the average rating over every rating answer. */
export function groupRow(group: SurveyResultGroupType): EvaluationGroupRowType {
  const rated = group.ratings.reduce((n, r) => n + r.responses, 0);
  const confidence = (stage: SurveyStage) => group.confidence.find((c) => c.stage === stage)?.now ?? null;
  return {
    key: group.key,
    label: group.label,
    hidden: group.hidden,
    ...rates(group),
    responses: group.responses,
    averageRating: rated ? round2(group.ratings.reduce((n, r) => n + r.average * r.responses, 0) / rated) : null,
    confidenceAfter: confidence(SurveyStage.END_OF_COURSE),
    confidenceSixMonths: confidence(SurveyStage.SIX_MONTHS),
    confidenceTwelveMonths: confidence(SurveyStage.TWELVE_MONTHS),
    changedPractice: practice(group.practiceChange).changedPractice,
    ...plans(group.actionPlans),
  };
}

/** What the exports write in a hidden row's first figure column. */
export const HIDDEN_NOTE = 'Not shown: fewer than 5 anonymous answers';

export function evaluationStageTable(report: EvaluationReportType): ExportTable {
  return {
    name: 'Evaluation by stage',
    columns: [
      { header: 'Stage' },
      { header: 'Invited', type: 'number' },
      { header: 'Answered', type: 'number' },
      { header: termOf(ReportFigure.RESPONSE_RATE), type: 'percent' },
      { header: termOf(ReportFigure.CONFIDENCE), type: 'number' },
      { header: termOf(ReportFigure.CHANGED_PRACTICE), type: 'percent' },
      { header: termOf(ReportFigure.ACTION_PLANS_DONE), type: 'number' },
      { header: 'Action plans reviewed', type: 'number' },
      { header: 'Note' },
    ],
    rows: report.stages.map((r) => [
      r.label,
      r.invited,
      r.answered,
      r.responseRate,
      r.confidence,
      r.changedPractice,
      r.actionPlansDone,
      r.actionPlansReviewed,
      report.overall.hidden ? HIDDEN_NOTE : '',
    ]),
  };
}

export function evaluationGroupTable(report: EvaluationReportType): ExportTable {
  const byAgency = report.by === 'AGENCY';
  return {
    name: byAgency ? 'Evaluation by agency' : 'Evaluation by course',
    columns: [
      { header: byAgency ? 'Agency' : 'Course' },
      { header: 'Invited', type: 'number' },
      { header: 'Answered', type: 'number' },
      { header: termOf(ReportFigure.RESPONSE_RATE), type: 'percent' },
      { header: termOf(ReportFigure.AVERAGE_RATING), type: 'number' },
      { header: `${termOf(ReportFigure.CONFIDENCE)} after the course`, type: 'number' },
      { header: `${termOf(ReportFigure.CONFIDENCE)} at 6 months`, type: 'number' },
      { header: `${termOf(ReportFigure.CONFIDENCE)} at 12 months`, type: 'number' },
      { header: termOf(ReportFigure.CHANGED_PRACTICE), type: 'percent' },
      { header: termOf(ReportFigure.ACTION_PLANS_DONE), type: 'number' },
      { header: 'Note' },
    ],
    rows: report.groups.map((r) => [
      r.label,
      r.invited,
      r.answered,
      r.responseRate,
      r.averageRating,
      r.confidenceAfter,
      r.confidenceSixMonths,
      r.confidenceTwelveMonths,
      r.changedPractice,
      r.actionPlansDone,
      r.hidden ? HIDDEN_NOTE : '',
    ]),
  };
}

/** The ratings table: each rating question at each stage (and audience), as the page lists them. */
export function evaluationRatingsTable(report: EvaluationReportType): ExportTable {
  return {
    name: 'Ratings',
    columns: [
      { header: 'Question' },
      { header: 'Stage' },
      { header: 'Answers', type: 'number' },
      { header: termOf(ReportFigure.AVERAGE_RATING), type: 'number' },
    ],
    rows: report.overall.hidden
      ? [[HIDDEN_NOTE, '', null, null]]
      : report.overall.ratings.map((q) => [q.question, stageAudienceLabel(q.stage, q.audience), q.responses, q.average]),
  };
}

export const EVALUATION_FIGURES = [
  ReportFigure.RESPONSE_RATE,
  ReportFigure.AVERAGE_RATING,
  ReportFigure.CONFIDENCE,
  ReportFigure.CHANGED_PRACTICE,
  ReportFigure.ACTION_PLANS_DONE,
];
