import { ReportFigure, formatShare } from './report-definitions';

/** The dashboard's headline figures, in order: what the page, its print view and its PDF show first. */
export const HEADLINE_FIGURES = [
  ReportFigure.SESSIONS_DELIVERED,
  ReportFigure.BOOKED,
  ReportFigure.ATTENDED,
  ReportFigure.ATTENDANCE_RATE,
  ReportFigure.DID_NOT_ATTEND_RATE,
  ReportFigure.FILL_RATE,
] as const;

/** The figures a headline reads (a subset of the programme summary's). */
export interface HeadlineFigures {
  sessionsDelivered: number;
  booked: number;
  attended: number;
  attendanceRate?: number | null;
  didNotAttendRate?: number | null;
  fillRate?: number | null;
}

/** A headline figure as shown: a count, or a share ("72.5%", "–" when there is no whole). */
export function headlineValue(figure: (typeof HEADLINE_FIGURES)[number], f: HeadlineFigures): string {
  switch (figure) {
    case ReportFigure.SESSIONS_DELIVERED:
      return String(f.sessionsDelivered);
    case ReportFigure.BOOKED:
      return String(f.booked);
    case ReportFigure.ATTENDED:
      return String(f.attended);
    case ReportFigure.ATTENDANCE_RATE:
      return formatShare(f.attendanceRate ?? null);
    case ReportFigure.DID_NOT_ATTEND_RATE:
      return formatShare(f.didNotAttendRate ?? null);
    case ReportFigure.FILL_RATE:
      return formatShare(f.fillRate ?? null);
  }
}

/** An average confidence (1 to 5) as shown: "3.4", or "–" when nobody answered. */
export const formatConfidence = (average: number | null | undefined): string =>
  average === null || average === undefined ? '–' : average.toFixed(1);
