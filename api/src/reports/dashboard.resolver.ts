import { Inject } from '@nestjs/common';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { Role } from '@lh/domain';
import { CurrentViewer, Roles } from '../common/access.decorators';
import { Clock } from '../common/clock';
import type { Viewer } from '../common/viewer';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { DownloadFileType } from '../exports/download-file.types';
import { renderDashboardPdf } from './dashboard-pdf';
import { DashboardService } from './dashboard.service';
import { ReportDashboardType, ReportMonthType } from './dashboard.types';
import { ReportFilterInput } from './reports.types';

/** The reports dashboard, its months and its PDF (aggregates only). */
@Resolver()
export class DashboardResolver {
  constructor(
    private readonly dashboards: DashboardService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Roles(Role.COORDINATOR, Role.REVIEWER)
  @Query(() => ReportDashboardType, { description: 'Headline figures, attendance per month, did not attend by agency, confidence.' })
  reportDashboard(@CurrentViewer() viewer: Viewer, @Args('filter') filter: ReportFilterInput): Promise<ReportDashboardType> {
    return this.dashboards.dashboard(viewer, filter);
  }

  @Roles(Role.COORDINATOR, Role.REVIEWER)
  @Query(() => [ReportMonthType], { description: 'Attendance figures per month of the period, oldest first (one query).' })
  reportMonths(@CurrentViewer() viewer: Viewer, @Args('filter') filter: ReportFilterInput): Promise<ReportMonthType[]> {
    return this.dashboards.months(viewer, filter);
  }

  @Roles(Role.COORDINATOR, Role.REVIEWER)
  @Query(() => DownloadFileType, {
    description: 'The dashboard as a PDF for board papers: figures, filters, tables and the time of export.',
  })
  async reportDashboardPdf(@CurrentViewer() viewer: Viewer, @Args('filter') filter: ReportFilterInput): Promise<DownloadFileType> {
    const dashboard = await this.dashboards.dashboard(viewer, filter);
    const pdf = await renderDashboardPdf({ partnershipName: this.config.partnershipName, dashboard, exportedAt: this.clock.now() });
    return {
      fileName: `reports-dashboard-${dashboard.period.from}-to-${dashboard.period.to}.pdf`,
      contentType: 'application/pdf',
      base64: pdf.toString('base64'),
    };
  }
}
