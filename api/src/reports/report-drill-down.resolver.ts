import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { Role } from '@lh/domain';
import { CurrentViewer, Roles } from '../common/access.decorators';
import type { Viewer } from '../common/viewer';
import { AgencyLeadReportType, AgencyLeadReports } from './agency-lead-report';
import { DrillDownFigure } from './report-drill-down-sql';
import { ReportDrillDownService } from './report-drill-down.service';
import { ReportDrillDownType } from './report-drill-down.types';
import { ReportFilterInput } from './reports.types';

/** The drill-down behind a figure (coordinators: it names people) and the agency lead's own figures. */
@Resolver()
export class ReportDrillDownResolver {
  constructor(
    private readonly drill: ReportDrillDownService,
    private readonly leads: AgencyLeadReports,
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

  @Roles(Role.AGENCY_LEAD)
  @Query(() => AgencyLeadReportType, { description: "An agency lead's own agency's figures beside the partnership's totals." })
  agencyLeadReport(@CurrentViewer() viewer: Viewer, @Args('filter') filter: ReportFilterInput): Promise<AgencyLeadReportType> {
    return this.leads.report(viewer, filter);
  }
}
