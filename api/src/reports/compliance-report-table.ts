import { MANDATORY_STATUSES, MandatoryStatus, ReportFigure, termOf } from '@lh/domain';
import type { ExportTable } from '../exports/table-export';
import type { ComplianceReportType } from './compliance-report.types';

/** The report-definitions figure of each status: its name in headers, its definition in the About sheet. */
export const STATUS_FIGURES: Record<MandatoryStatus, ReportFigure> = {
  [MandatoryStatus.CURRENT]: ReportFigure.MANDATORY_CURRENT,
  [MandatoryStatus.DUE_SOON]: ReportFigure.MANDATORY_DUE_SOON,
  [MandatoryStatus.NOT_YET_DUE]: ReportFigure.MANDATORY_NOT_YET_DUE,
  [MandatoryStatus.OVERDUE]: ReportFigure.MANDATORY_OVERDUE,
  [MandatoryStatus.EXPIRED]: ReportFigure.MANDATORY_EXPIRED,
};

export const COMPLIANCE_FIGURES = [
  ReportFigure.MANDATORY_APPLIES,
  ...MANDATORY_STATUSES.map((s) => STATUS_FIGURES[s]),
  ReportFigure.COMPLIANT_SHARE,
];

/** Report 5 as the page shows it: per requirement, each agency then the partnership total. Pure. */
export function complianceTable(report: ComplianceReportType): ExportTable {
  const then = `${termOf(ReportFigure.COMPLIANT_SHARE)} on ${report.previousAsAt}`;
  return {
    name: 'Compliance',
    columns: [
      { header: 'Requirement' },
      { header: 'Agency' },
      { header: termOf(ReportFigure.MANDATORY_APPLIES), type: 'number' },
      ...MANDATORY_STATUSES.flatMap((s) => [
        { header: termOf(STATUS_FIGURES[s]), type: 'number' as const },
        { header: `${termOf(STATUS_FIGURES[s])} (share)`, type: 'percent' as const },
      ]),
      { header: termOf(ReportFigure.COMPLIANT_SHARE), type: 'percent' },
      { header: then, type: 'percent' },
      { header: `Change since ${report.previousAsAt} (points)`, type: 'number' },
    ],
    rows: report.requirements.flatMap((q) =>
      [...q.agencies, q.total].map((r) => [
        q.name,
        r.label,
        r.applies,
        ...r.statuses.flatMap((s) => [s.count, s.share]),
        r.compliantShare,
        r.previousCompliantShare,
        r.compliantShareChange,
      ]),
    ),
  };
}
