import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { Role } from '@lh/domain';
import { CurrentViewer, Roles } from '../common/access.decorators';
import type { Viewer } from '../common/viewer';
import { DownloadFileType, TableFileFormat } from '../exports/download-file.types';
import { ReportExportsService } from './report-exports.service';
import { AgencyLeadReportType, AgencyLeadReports } from './agency-lead-report';
import { DrillDownFigure } from './report-drill-down-sql';
import { ReportDrillDownService } from './report-drill-down.service';
import { ReportDrillDownType } from './report-drill-down.types';
import { ReportFilterInput } from './reports.types';

/** The drill-down behind a figure and its file (coordinators: they name people) and the agency lead's own figures. */
@Resolver()
export class ReportDrillDownResolver {
  constructor(
    private readonly drill: ReportDrillDownService,
    private readonly leads: AgencyLeadReports,
    private readonly exports: ReportExportsService,
  ) {}

  @Roles(Role.COORDINATOR)
  @Query(() => ReportDrillDownType, { description: 'The sessions and people behind a report figure; its total is the figure.' })
  reportDrillDown(
    @CurrentViewer() viewer: Viewer,
    @Args('figure', { type: () => DrillDownFigure }) figure: DrillDownFigure,
    @Args('filter') filter: ReportFilterInput,
    @Args('page', { type: () => Int, nullable: true, description: 'From 1; 25 rows a page.' }) page?: number | null,
  ): Promise<ReportDrillDownType> {
    return this.drill.drillDown(viewer, figure, filter, page ?? 1);
  }

  @Roles(Role.COORDINATOR)
  @Query(() => DownloadFileType, {
    description: 'Every row behind a report figure as CSV or XLSX (names people: coordinators only, written to the audit log).',
  })
  reportDrillDownFile(
    @CurrentViewer() viewer: Viewer,
    @Args('figure', { type: () => DrillDownFigure }) figure: DrillDownFigure,
    @Args('format', { type: () => TableFileFormat }) format: TableFileFormat,
    @Args('filter') filter: ReportFilterInput,
  ): Promise<DownloadFileType> {
    return this.exports.drillDownFile(viewer, figure, format, filter);
  }

  @Roles(Role.AGENCY_LEAD)
  @Query(() => AgencyLeadReportType, { description: "An agency lead's own agency's figures beside the partnership's totals." })
  agencyLeadReport(@CurrentViewer() viewer: Viewer, @Args('filter') filter: ReportFilterInput): Promise<AgencyLeadReportType> {
    return this.leads.report(viewer, filter);
  }
}
