import { ReportFigure, definitionsFor, termOf } from '@lh/domain';
import type { ExportTable } from '../exports/table-export';
import type { AgencyReportType, AnnualReportTableType, ProgrammeSummaryType, ReportFiguresType } from './reports.types';

/**
 * The reports as tables: the rows the screen shows, in the same order, for the CSV and XLSX exports
 * (and the figures each uses, for the "About" sheet's definitions). Pure.
 */

type Cell = string | number | null;

/** The programme summary's figures, in the order of the page: figure, value, and how it is shown. */
export const SUMMARY_ROWS: readonly {
  figure: ReportFigure;
  value: (f: ReportFiguresType) => number | null;
  type: 'number' | 'percent' | 'pounds';
}[] = [
  { figure: ReportFigure.COURSES_DELIVERED, value: (f) => f.coursesDelivered, type: 'number' },
  { figure: ReportFigure.SESSIONS_DELIVERED, value: (f) => f.sessionsDelivered, type: 'number' },
  { figure: ReportFigure.TRAINING_DAYS, value: (f) => f.trainingDays, type: 'number' },
  { figure: ReportFigure.PLACES_OFFERED, value: (f) => f.placesOffered, type: 'number' },
  { figure: ReportFigure.BOOKED, value: (f) => f.booked, type: 'number' },
  { figure: ReportFigure.FILL_RATE, value: (f) => f.fillRate, type: 'percent' },
  { figure: ReportFigure.ATTENDED, value: (f) => f.attended, type: 'number' },
  { figure: ReportFigure.ATTENDED_FULLY, value: (f) => f.attendedFully, type: 'number' },
  { figure: ReportFigure.ATTENDED_PARTLY, value: (f) => f.attendedPartly, type: 'number' },
  { figure: ReportFigure.ATTENDED_BOOKED, value: (f) => f.attendedBooked, type: 'number' },
  { figure: ReportFigure.ATTENDANCE_RATE, value: (f) => f.attendanceRate, type: 'percent' },
  { figure: ReportFigure.ATTENDED_OF_PLACES, value: (f) => f.attendedOfPlaces, type: 'percent' },
  { figure: ReportFigure.ABSENT_WITH_APOLOGY, value: (f) => f.absentWithApology, type: 'number' },
  { figure: ReportFigure.DID_NOT_ATTEND, value: (f) => f.didNotAttend, type: 'number' },
  { figure: ReportFigure.DID_NOT_ATTEND_RATE, value: (f) => f.didNotAttendRate, type: 'percent' },
  { figure: ReportFigure.LATE_CANCELLATIONS, value: (f) => f.lateCancellations, type: 'number' },
  { figure: ReportFigure.LATE_CANCELLATION_RATE, value: (f) => f.lateCancellationRate, type: 'percent' },
  { figure: ReportFigure.AWAITING_REGISTER, value: (f) => f.awaitingRegister, type: 'number' },
  { figure: ReportFigure.WALK_INS, value: (f) => f.walkIns, type: 'number' },
  { figure: ReportFigure.MOVED, value: (f) => f.moved, type: 'number' },
  { figure: ReportFigure.WAITING_LIST_DEMAND, value: (f) => f.waitingListDemand, type: 'number' },
  { figure: ReportFigure.SESSIONS_CANCELLED, value: (f) => f.sessionsCancelled, type: 'number' },
  { figure: ReportFigure.AVERAGE_ATTENDANCE, value: (f) => f.averageAttendance, type: 'number' },
  { figure: ReportFigure.CHARGES, value: (f) => f.chargesPence / 100, type: 'pounds' },
];

/** A summary's value as one cell (share 0-1, pounds, or a number; averages to one decimal). */
const summaryCell = (row: (typeof SUMMARY_ROWS)[number], f: ReportFiguresType): Cell => {
  const v = row.value(f);
  return v === null ? null : row.figure === ReportFigure.AVERAGE_ATTENDANCE ? Math.round(v * 10) / 10 : v;
};

/**
 * The summary as a table: each figure on a row, its value in the column of its kind (a number, a share or
 * pounds), so every cell of the XLSX is typed.
 */
export function summaryTable(report: ProgrammeSummaryType): ExportTable {
  return {
    name: 'Programme summary',
    columns: [
      { header: 'Figure' },
      { header: 'Number', type: 'number' },
      { header: 'Share', type: 'percent' },
      { header: 'Pounds', type: 'pounds' },
    ],
    rows: SUMMARY_ROWS.map((row) => {
      const v = summaryCell(row, report.figures);
      return [termOf(row.figure), row.type === 'number' ? v : null, row.type === 'percent' ? v : null, row.type === 'pounds' ? v : null];
    }),
  };
}
export const SUMMARY_FIGURES = SUMMARY_ROWS.map((r) => r.figure);

export function annualTable(report: AnnualReportTableType): ExportTable {
  const rows: Cell[][] = [];
  for (const area of report.areas) {
    for (const c of area.courses) {
      rows.push([area.name, c.label, c.delivered, c.attendance]);
    }
    rows.push([area.name, area.subtotal.label, area.subtotal.delivered, area.subtotal.attendance]);
  }
  rows.push(['', report.total.label, report.total.delivered, report.total.attendance]);
  return {
    name: 'Annual report table',
    columns: [
      { header: 'Priority area' },
      { header: 'Course' },
      { header: 'Delivered', type: 'number' },
      { header: 'Attendance', type: 'number' },
    ],
    rows,
  };
}
export const ANNUAL_FIGURES = [ReportFigure.SESSIONS_DELIVERED, ReportFigure.ATTENDED];

export function agencyTable(report: AgencyReportType): ExportTable {
  const [oldest, middle] = report.trendPeriods;
  return {
    name: report.bySector ? 'By sector' : 'By agency',
    columns: [
      { header: report.bySector ? 'Sector' : 'Agency' },
      { header: termOf(ReportFigure.BOOKED), type: 'number' },
      { header: termOf(ReportFigure.ATTENDED), type: 'number' },
      { header: termOf(ReportFigure.ATTENDANCE_RATE), type: 'percent' },
      { header: termOf(ReportFigure.DID_NOT_ATTEND), type: 'number' },
      { header: termOf(ReportFigure.LATE_CANCELLATIONS), type: 'number' },
      { header: `${termOf(ReportFigure.CHARGES)} (£)`, type: 'pounds' },
      { header: `Attendance rate change since ${report.previousPeriod.label} (points)`, type: 'number' },
      { header: `Did not attend change since ${report.previousPeriod.label}`, type: 'number' },
      { header: `Attendance rate ${oldest!.label}`, type: 'percent' },
      { header: `Attendance rate ${middle!.label}`, type: 'percent' },
    ],
    rows: [...report.rows, report.total].map((r) => [
      r.name,
      r.current.booked,
      r.current.attended,
      r.current.attendanceRate,
      r.current.didNotAttend,
      r.current.lateCancellations,
      r.current.chargesPence / 100,
      r.attendanceRateChange === null ? null : Math.round(r.attendanceRateChange * 10) / 10,
      r.didNotAttendChange,
      r.trend[0]!.attendanceRate,
      r.trend[1]!.attendanceRate,
    ]),
  };
}
export const AGENCY_FIGURES = [
  ReportFigure.BOOKED,
  ReportFigure.ATTENDED,
  ReportFigure.ATTENDED_BOOKED,
  ReportFigure.ATTENDANCE_RATE,
  ReportFigure.DID_NOT_ATTEND,
  ReportFigure.LATE_CANCELLATIONS,
  ReportFigure.CHARGES,
];

export { definitionsFor };
