import { Module } from '@nestjs/common';
import { SurveysModule } from '../surveys/surveys.module';
import { DashboardResolver } from './dashboard.resolver';
import { DashboardService } from './dashboard.service';
import { ReportConfidence } from './report-confidence';
import { ReportExportsService } from './report-exports.service';
import { ReportFigures } from './report-figures';
import { ReportFilters } from './report-filter';
import { ReportsResolver } from './reports.resolver';
import { ReportsService } from './reports.service';

/**
 * Workforce development reports: one filter (ReportFilters), one set of definitions (report-sql.ts, as
 * libs/domain/src/report-definitions.ts words them), the reports and their files. Later reports add a
 * service that uses ReportFilters and ReportFigures (both exported). The dashboard reads the survey results
 * for its confidence chart (ReportConfidence, a small adapter).
 */
@Module({
  imports: [SurveysModule],
  providers: [
    ReportFilters,
    ReportFigures,
    ReportsService,
    ReportExportsService,
    ReportsResolver,
    ReportConfidence,
    DashboardService,
    DashboardResolver,
  ],
  exports: [ReportFilters, ReportFigures, ReportsService],
})
export class ReportsModule {}
