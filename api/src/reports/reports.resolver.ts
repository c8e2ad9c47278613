import { Args, Query, Resolver } from '@nestjs/graphql';
import { Role } from '@lh/domain';
import { CurrentViewer, Roles } from '../common/access.decorators';
import type { Viewer } from '../common/viewer';
import { DownloadFileType, TableFileFormat } from '../exports/download-file.types';
import { EvaluationReportService } from './evaluation-report.service';
import { EvaluationBreakdown, EvaluationReportType } from './evaluation-report.types';
import { ReportExportsService } from './report-exports.service';
import { ReportsService } from './reports.service';
import {
  AgencyReportInput,
  AgencyReportType,
  AnnualReportTableType,
  ProgrammeSummaryType,
  ReportFilterInput,
  ReportFilterOptionsType,
  ReportKind,
} from './reports.types';

/** The workforce development reports (aggregates only) and their files. */
@Resolver()
export class ReportsResolver {
  constructor(
    private readonly reports: ReportsService,
    private readonly exports: ReportExportsService,
    private readonly evaluation: EvaluationReportService,
  ) {}

  @Roles(Role.COORDINATOR, Role.REVIEWER)
  @Query(() => ProgrammeSummaryType, { description: 'Report 1: every figure of the glossary for the period and filters.' })
  programmeSummary(@CurrentViewer() viewer: Viewer, @Args('filter') filter: ReportFilterInput): Promise<ProgrammeSummaryType> {
    return this.reports.programmeSummary(viewer, filter);
  }

  @Roles(Role.COORDINATOR, Role.REVIEWER)
  @Query(() => AnnualReportTableType, {
    description: 'Report 2: sessions delivered and attendance per priority area and course, with subtotals and a total.',
  })
  annualReportTable(@CurrentViewer() viewer: Viewer, @Args('filter') filter: ReportFilterInput): Promise<AnnualReportTableType> {
    return this.reports.annualTable(viewer, filter);
  }

  @Roles(Role.COORDINATOR, Role.REVIEWER)
  @Query(() => AgencyReportType, {
    description: 'Report 3: by agency (at booking) or sector, sorted, with the previous period and a three-period trend.',
  })
  agencyReport(
    @CurrentViewer() viewer: Viewer,
    @Args('filter') filter: ReportFilterInput,
    @Args('input') input: AgencyReportInput,
  ): Promise<AgencyReportType> {
    return this.reports.byAgency(viewer, filter, input);
  }

  @Roles(Role.COORDINATOR, Role.REVIEWER)
  @Query(() => EvaluationReportType, {
    description: 'Report 4: evaluation and impact from the surveys, overall and by course or agency; anonymous groups under 5 hidden.',
  })
  evaluationReport(
    @CurrentViewer() viewer: Viewer,
    @Args('filter') filter: ReportFilterInput,
    @Args('by', { type: () => EvaluationBreakdown, defaultValue: EvaluationBreakdown.COURSE }) by: EvaluationBreakdown,
  ): Promise<EvaluationReportType> {
    return this.evaluation.report(viewer, filter, by);
  }

  @Roles(Role.COORDINATOR, Role.REVIEWER, Role.AGENCY_LEAD)
  @Query(() => ReportFilterOptionsType, {
    description: 'What the report filter lists; trainers for coordinators only; priority areas and courses for agency leads.',
  })
  reportFilterOptions(@CurrentViewer() viewer: Viewer): Promise<ReportFilterOptionsType> {
    return this.reports.filterOptions(viewer);
  }

  @Roles(Role.COORDINATOR, Role.REVIEWER)
  @Query(() => DownloadFileType, { description: 'A report as CSV or XLSX, from the same figures as the screen.' })
  reportFile(
    @CurrentViewer() viewer: Viewer,
    @Args('report', { type: () => ReportKind }) report: ReportKind,
    @Args('format', { type: () => TableFileFormat }) format: TableFileFormat,
    @Args('filter') filter: ReportFilterInput,
    @Args('agency', { type: () => AgencyReportInput, nullable: true }) agency?: AgencyReportInput | null,
  ): Promise<DownloadFileType> {
    return this.exports.file(viewer, report, format, filter, agency);
  }
}
