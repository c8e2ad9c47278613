import { ReportFigure, definitionOf, formatPounds, formatShare, termOf } from '@lh/domain';
import type { ReportsQuery } from '@lh/graphql-client';

type Figures = ReportsQuery['programmeSummary']['figures'];

/** The summary's rows in the order of the page and its export: the figure, its value as shown, its definition. */
const SUMMARY: [ReportFigure, (f: Figures) => string][] = [
  [ReportFigure.COURSES_DELIVERED, (f) => String(f.coursesDelivered)],
  [ReportFigure.SESSIONS_DELIVERED, (f) => String(f.sessionsDelivered)],
  [ReportFigure.TRAINING_DAYS, (f) => String(f.trainingDays)],
  [ReportFigure.PLACES_OFFERED, (f) => String(f.placesOffered)],
  [ReportFigure.BOOKED, (f) => String(f.booked)],
  [ReportFigure.FILL_RATE, (f) => formatShare(f.fillRate ?? null)],
  [ReportFigure.ATTENDED, (f) => String(f.attended)],
  [ReportFigure.ATTENDED_FULLY, (f) => String(f.attendedFully)],
  [ReportFigure.ATTENDED_PARTLY, (f) => String(f.attendedPartly)],
  [ReportFigure.ATTENDED_BOOKED, (f) => String(f.attendedBooked)],
  [ReportFigure.ATTENDANCE_RATE, (f) => formatShare(f.attendanceRate ?? null)],
  [ReportFigure.ATTENDED_OF_PLACES, (f) => formatShare(f.attendedOfPlaces ?? null)],
  [ReportFigure.ABSENT_WITH_APOLOGY, (f) => String(f.absentWithApology)],
  [ReportFigure.DID_NOT_ATTEND, (f) => String(f.didNotAttend)],
  [ReportFigure.DID_NOT_ATTEND_RATE, (f) => formatShare(f.didNotAttendRate ?? null)],
  [ReportFigure.LATE_CANCELLATIONS, (f) => String(f.lateCancellations)],
  [ReportFigure.LATE_CANCELLATION_RATE, (f) => formatShare(f.lateCancellationRate ?? null)],
  [ReportFigure.AWAITING_REGISTER, (f) => String(f.awaitingRegister)],
  [ReportFigure.WALK_INS, (f) => String(f.walkIns)],
  [ReportFigure.MOVED, (f) => String(f.moved)],
  [ReportFigure.WAITING_LIST_DEMAND, (f) => String(f.waitingListDemand)],
  [ReportFigure.SESSIONS_CANCELLED, (f) => String(f.sessionsCancelled)],
  [
    ReportFigure.AVERAGE_ATTENDANCE,
    (f) => (f.averageAttendance === null || f.averageAttendance === undefined ? '–' : f.averageAttendance.toFixed(1)),
  ],
  [ReportFigure.CHARGES, (f) => formatPounds(f.chargesPence)],
];

export function summaryRows(f: Figures): { figure: ReportFigure; term: string; value: string; definition: string }[] {
  return SUMMARY.map(([figure, value]) => ({ figure, term: termOf(figure), value: value(f), definition: definitionOf(figure).definition }));
}

/** A change in percentage points, signed: "+25.0 points", "−3.2 points", "no change", or "–" with nothing to compare. */
export function pointsChange(change: number | null | undefined): string {
  if (change === null || change === undefined) {
    return '–';
  }
  const rounded = Math.round(change * 10) / 10;
  if (rounded === 0) {
    return 'no change';
  }
  return `${rounded > 0 ? '+' : '−'}${Math.abs(rounded).toFixed(1)} points`;
}

/** A change in a count, signed: "+2", "−1", "no change". */
export function countChange(change: number): string {
  return change === 0 ? 'no change' : `${change > 0 ? '+' : '−'}${Math.abs(change)}`;
}

/** The trend of attendance rates as text, oldest first: "50.0% → 75.0%", with "–" for a period with no bookings. */
export function trendText(trend: { attendanceRate?: number | null }[]): string {
  return trend.map((t) => formatShare(t.attendanceRate ?? null)).join(' → ');
}
