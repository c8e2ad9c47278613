import { drillDownOutcomeText, londonParts, termOf } from '@lh/domain';
import { reportFigureOf } from './report-drill-down-sql';
import type { ExportTable } from '../exports/table-export';
import type { ReportDrillDownType } from './report-drill-down.types';

/**
 * The drill-down as an `ExportTable`: the page's rows in the page's order, every row (not one page). Place
 * figures name the person and the agency booked under: the file is personal data (coordinators only, audited).
 */
export function drillDownTable(d: ReportDrillDownType): ExportTable {
  const session = [{ header: 'Session date', type: 'date' as const }, { header: 'Time' }, { header: 'Course' }];
  if (!d.people) {
    return {
      name: termOf(reportFigureOf(d.figure)),
      columns: session,
      rows: d.rows.map((r) => [londonParts(r.startsAt).date, londonParts(r.startsAt).time, r.courseTitle]),
    };
  }
  return {
    name: termOf(reportFigureOf(d.figure)),
    columns: [...session, { header: 'Person' }, { header: 'Agency booked under' }, { header: 'Outcome' }],
    rows: d.rows.map((r) => [
      londonParts(r.startsAt).date,
      londonParts(r.startsAt).time,
      r.courseTitle,
      r.personName,
      r.agencyName ?? 'No agency',
      drillDownOutcomeText(d.figure, r.outcome),
    ]),
  };
}
