import { courseOutcomeLabels } from './register-rules';
import { ReportFigure } from './report-definitions';

/**
 * The report figures a coordinator can drill into (the API's `DrillDownFigure`, same names): the sessions
 * and people behind them. The pages link these figures, and only these, to /manage/reports/drill-down.
 */
export const DRILL_DOWN_FIGURES = [
  ReportFigure.SESSIONS_DELIVERED,
  ReportFigure.SESSIONS_CANCELLED,
  ReportFigure.BOOKED,
  ReportFigure.ATTENDED,
  ReportFigure.DID_NOT_ATTEND,
  ReportFigure.LATE_CANCELLATIONS,
  ReportFigure.WALK_INS,
  ReportFigure.MOVED,
  ReportFigure.WAITING_LIST_DEMAND,
] as const;
export type DrillDownFigureName = (typeof DRILL_DOWN_FIGURES)[number];

export const hasDrillDown = (figure: string): figure is DrillDownFigureName => (DRILL_DOWN_FIGURES as readonly string[]).includes(figure);

/** What became of a place in a drill-down row, in words (page and export say the same). */
export function drillDownOutcomeText(figure: string, outcome: string | null | undefined): string {
  if (figure === ReportFigure.MOVED) {
    return 'Moved to another session';
  }
  if (figure === ReportFigure.WAITING_LIST_DEMAND) {
    return 'Waited, never got a place';
  }
  return outcome ? (courseOutcomeLabels[outcome as keyof typeof courseOutcomeLabels] ?? outcome) : 'Awaiting register';
}
