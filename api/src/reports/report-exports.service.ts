import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { AuditAction, definitionsFor, termOf } from '@lh/domain';
import { AuditLog } from '../audit/audit-log';
import { Clock } from '../common/clock';
import type { Viewer } from '../common/viewer';
import { tableFile, type ExportTable } from '../exports/table-export';
import type { DownloadFileType, TableFileFormat } from '../exports/download-file.types';
import { EvaluationReportService } from './evaluation-report.service';
import { EvaluationBreakdown } from './evaluation-report.types';
import { EVALUATION_FIGURES, evaluationGroupTable, evaluationRatingsTable, evaluationStageTable } from './evaluation-rows';
import { ComplianceReportService } from './compliance-report.service';
import { COMPLIANCE_FIGURES, complianceTable } from './compliance-report-table';
import { ReportsService } from './reports.service';
import { ReportDrillDownService } from './report-drill-down.service';
import { reportFigureOf, type DrillDownFigure } from './report-drill-down-sql';
import { drillDownTable } from './report-drill-down-table';
import { DeliveryReportsService } from './delivery-reports.service';
import { CHARGES_FIGURES, TRAINER_FIGURES, chargesTable, trainerAgenciesTable, trainersTable } from './delivery-report-tables';
import { requireCoordinator } from '../common/access';
import { AGENCY_FIGURES, ANNUAL_FIGURES, SUMMARY_FIGURES, agencyTable, annualTable, summaryTable } from './report-tables';
import { ReportKind, type AgencyReportInput, type ReportFilterInput, type ReportFilterLabelType } from './reports.types';

const TITLES: Record<ReportKind, string> = {
  [ReportKind.PROGRAMME_SUMMARY]: 'Programme summary',
  [ReportKind.ANNUAL_TABLE]: 'Annual report table',
  [ReportKind.BY_AGENCY]: 'Attendance by agency',
  [ReportKind.BY_SECTOR]: 'Attendance by sector',
  [ReportKind.EVALUATION]: 'Evaluation and impact by stage',
  [ReportKind.EVALUATION_BY_COURSE]: 'Evaluation and impact by course',
  [ReportKind.EVALUATION_BY_AGENCY]: 'Evaluation and impact by agency',
  [ReportKind.EVALUATION_RATINGS]: 'Evaluation ratings',
  [ReportKind.CHARGES]: 'Charges by agency type',
  [ReportKind.TRAINERS]: 'Trainers',
  [ReportKind.TRAINER_AGENCIES]: 'Trainers by agency',
  [ReportKind.COMPLIANCE]: 'Mandatory training compliance',
};

const FILE_NAMES: Record<ReportKind, string> = {
  [ReportKind.PROGRAMME_SUMMARY]: 'programme-summary',
  [ReportKind.ANNUAL_TABLE]: 'annual-report-table',
  [ReportKind.BY_AGENCY]: 'attendance-by-agency',
  [ReportKind.BY_SECTOR]: 'attendance-by-sector',
  [ReportKind.EVALUATION]: 'evaluation-by-stage',
  [ReportKind.EVALUATION_BY_COURSE]: 'evaluation-by-course',
  [ReportKind.EVALUATION_BY_AGENCY]: 'evaluation-by-agency',
  [ReportKind.EVALUATION_RATINGS]: 'evaluation-ratings',
  [ReportKind.CHARGES]: 'charges-by-agency-type',
  [ReportKind.TRAINERS]: 'trainers',
  [ReportKind.TRAINER_AGENCIES]: 'trainers-by-agency',
  [ReportKind.COMPLIANCE]: 'mandatory-training-compliance',
};

/**
 * A report as a file (CSV, or XLSX with the About sheet), made from the same service call as the screen, so
 * the two always agree. Reports hold aggregates only, so an export holds no personal data (nothing to audit);
 * the drill-down's file names people: coordinators only (the drill-down checks), and every one is audited.
 */
@Injectable()
export class ReportExportsService {
  constructor(
    private readonly reports: ReportsService,
    private readonly evaluation: EvaluationReportService,
    private readonly delivery: DeliveryReportsService,
    private readonly compliance: ComplianceReportService,
    private readonly drill: ReportDrillDownService,
    private readonly em: EntityManager,
    private readonly clock: Clock,
  ) {}

  /** Every row behind a figure (the drill-down page's rows, not one page), written to the audit log. */
  async drillDownFile(
    viewer: Viewer,
    figure: DrillDownFigure,
    format: TableFileFormat,
    filter: ReportFilterInput,
  ): Promise<DownloadFileType> {
    const d = await this.drill.drillDown(viewer, figure, filter, 1, null);
    const term = termOf(reportFigureOf(figure));
    const title = `${term}: the sessions${d.people ? ' and people' : ''} behind the figure`;
    const now = this.clock.now();
    await this.em.fork().transactional(async (tx) => {
      AuditLog.record(tx, viewer, {
        action: AuditAction.PERSONAL_DATA_EXPORTED,
        at: now,
        subject: { type: 'report_drill_down', id: `${figure}/${d.period.from}/${d.period.to}` },
        after: { file: title, format, rows: d.total, filters: d.filters.map((f) => `${f.label}: ${f.value}`).join('; ') },
      });
    });
    const slug = term
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
    return tableFile(format, `${slug}-${d.period.from}-to-${d.period.to}`, drillDownTable(d), {
      title,
      filters: d.filters.map((f) => [f.label, f.value] as const),
      definitions: definitionsFor([reportFigureOf(figure)]),
      exportedAt: now,
    });
  }

  async file(
    viewer: Viewer,
    kind: ReportKind,
    format: TableFileFormat,
    filter: ReportFilterInput,
    agency?: AgencyReportInput | null,
  ): Promise<DownloadFileType> {
    const { table, figures, filters, period } = await this.tableOf(viewer, kind, filter, agency);
    const baseName = `${FILE_NAMES[kind]}-${period.from}-to-${period.to}`;
    return tableFile(format, baseName, table, {
      title: TITLES[kind],
      filters: filters.map((f) => [f.label, f.value] as const),
      definitions: definitionsFor(figures),
      exportedAt: this.clock.now(),
    });
  }

  private async tableOf(
    viewer: Viewer,
    kind: ReportKind,
    filter: ReportFilterInput,
    agency?: AgencyReportInput | null,
  ): Promise<{
    table: ExportTable;
    figures: typeof SUMMARY_FIGURES;
    filters: ReportFilterLabelType[];
    period: { from: string; to: string };
  }> {
    switch (kind) {
      case ReportKind.PROGRAMME_SUMMARY: {
        const r = await this.reports.programmeSummary(viewer, filter);
        return { table: summaryTable(r), figures: SUMMARY_FIGURES, filters: r.filters, period: r.period };
      }
      case ReportKind.ANNUAL_TABLE: {
        const r = await this.reports.annualTable(viewer, filter);
        return { table: annualTable(r), figures: ANNUAL_FIGURES, filters: r.filters, period: r.period };
      }
      case ReportKind.BY_AGENCY:
      case ReportKind.BY_SECTOR: {
        const r = await this.reports.byAgency(viewer, filter, {
          sort: agency?.sort ?? null,
          descending: agency?.descending ?? false,
          bySector: kind === ReportKind.BY_SECTOR,
        });
        const filters = [...r.filters, { label: 'Compared with', value: r.previousPeriod.label }];
        return { table: agencyTable(r), figures: AGENCY_FIGURES, filters, period: r.period };
      }
      case ReportKind.EVALUATION:
      case ReportKind.EVALUATION_BY_COURSE:
      case ReportKind.EVALUATION_BY_AGENCY:
      case ReportKind.EVALUATION_RATINGS: {
        const by = kind === ReportKind.EVALUATION_BY_AGENCY ? EvaluationBreakdown.AGENCY : EvaluationBreakdown.COURSE;
        const r = await this.evaluation.report(viewer, filter, by);
        const table =
          kind === ReportKind.EVALUATION
            ? evaluationStageTable(r)
            : kind === ReportKind.EVALUATION_RATINGS
              ? evaluationRatingsTable(r)
              : evaluationGroupTable(r);
        const filters = [...r.filters, { label: 'Session months', value: `${r.fromMonth} to ${r.toMonth}` }];
        return { table, figures: EVALUATION_FIGURES, filters, period: r.period };
      }
      case ReportKind.CHARGES: {
        const r = await this.delivery.charges(viewer, filter);
        return { table: chargesTable(r), figures: CHARGES_FIGURES, filters: r.filters, period: r.period };
      }
      case ReportKind.TRAINERS:
      case ReportKind.TRAINER_AGENCIES: {
        if (kind === ReportKind.TRAINERS) {
          requireCoordinator(viewer); // trainers' names
        }
        const r = await this.delivery.trainers(viewer, filter);
        const table = kind === ReportKind.TRAINERS ? trainersTable(r) : trainerAgenciesTable(r);
        return { table, figures: TRAINER_FIGURES, filters: r.filters, period: r.period };
      }
      case ReportKind.COMPLIANCE: {
        const r = await this.compliance.report(viewer, filter);
        const filters = [...r.filters, { label: 'As at', value: r.asAt }, { label: 'Compared with', value: r.previousAsAt }];
        return { table: complianceTable(r), figures: COMPLIANCE_FIGURES, filters, period: r.period };
      }
    }
  }
}
