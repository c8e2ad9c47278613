import { ReportFigure, termOf } from '@lh/domain';
import type { ExportColumn, ExportTable } from '../exports/table-export';
import type { ChargesReportRowType, ChargesReportType, TrainerFiguresType, TrainersReportType } from './delivery-reports.types';

/** The charges and trainers reports as tables: the rows the screen shows, in its order, for CSV and XLSX. Pure. */

const round2 = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100);

export function chargesTable(report: ChargesReportType): ExportTable {
  const cells = (type: string, r: ChargesReportRowType) => [
    type,
    r.name,
    r.didNotAttend,
    r.lateCancellations,
    r.raisedPence / 100,
    r.waivedPence / 100,
    r.chargesPence / 100,
  ];
  return {
    name: 'Charges by agency type',
    columns: [
      { header: 'Agency type' },
      { header: 'Agency' },
      { header: termOf(ReportFigure.DID_NOT_ATTEND), type: 'number' },
      { header: termOf(ReportFigure.LATE_CANCELLATIONS), type: 'number' },
      { header: `${termOf(ReportFigure.CHARGES_RAISED)} (£)`, type: 'pounds' },
      { header: `${termOf(ReportFigure.CHARGES_WAIVED)} (£)`, type: 'pounds' },
      { header: `${termOf(ReportFigure.CHARGES)} (£)`, type: 'pounds' },
    ],
    rows: [
      ...report.types.flatMap((t) => [...t.agencies.map((a) => cells(t.name, a)), cells(t.name, t.subtotal)]),
      cells('', report.total),
    ],
  };
}
export const CHARGES_FIGURES = [
  ReportFigure.DID_NOT_ATTEND,
  ReportFigure.LATE_CANCELLATIONS,
  ReportFigure.CHARGES_RAISED,
  ReportFigure.CHARGES_WAIVED,
  ReportFigure.CHARGES,
];

const FIGURE_COLUMNS: readonly ExportColumn[] = [
  { header: termOf(ReportFigure.SESSIONS_DELIVERED), type: 'number' },
  { header: termOf(ReportFigure.TRAINING_DAYS), type: 'number' },
  { header: `${termOf(ReportFigure.SESSION_RATING)} (1 to 5)`, type: 'number' },
  { header: termOf(ReportFigure.RATINGS_GIVEN), type: 'number' },
];
const figureCells = (f: TrainerFiguresType) => [f.sessionsDelivered, f.trainingDays, round2(f.averageRating), f.ratingsGiven];

/** Per trainer: names, so coordinators only (the service gives a reviewer no rows, the export refuses). */
export function trainersTable(report: TrainersReportType): ExportTable {
  return {
    name: 'By trainer',
    columns: [{ header: 'Trainer' }, { header: 'Trainer’s agency' }, ...FIGURE_COLUMNS],
    rows: [
      ...report.trainers.map((t) => [t.name, t.agencyName, ...figureCells(t.figures)]),
      ['Every session once', '', ...figureCells(report.total)],
    ],
  };
}

export function trainerAgenciesTable(report: TrainersReportType): ExportTable {
  return {
    name: 'By trainer’s agency',
    columns: [{ header: 'Trainer’s agency' }, ...FIGURE_COLUMNS],
    rows: [...report.agencies.map((a) => [a.name, ...figureCells(a.figures)]), ['Every session once', ...figureCells(report.total)]],
  };
}
export const TRAINER_FIGURES = [
  ReportFigure.SESSIONS_DELIVERED,
  ReportFigure.TRAINING_DAYS,
  ReportFigure.SESSION_RATING,
  ReportFigure.RATINGS_GIVEN,
];
