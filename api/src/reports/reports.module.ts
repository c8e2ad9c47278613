import { Module } from '@nestjs/common';
import { MandatoryTrainingModule } from '../mandatory-training/mandatory-training.module';
import { SurveysModule } from '../surveys/surveys.module';
import { ComplianceReportResolver } from './compliance-report.resolver';
import { ComplianceReportService } from './compliance-report.service';
import { EvaluationReportService } from './evaluation-report.service';
import { DashboardResolver } from './dashboard.resolver';
import { DashboardService } from './dashboard.service';
import { ReportExportsService } from './report-exports.service';
import { ReportFigures } from './report-figures';
import { ReportFilters } from './report-filter';
import { ReportsResolver } from './reports.resolver';
import { ReportsService } from './reports.service';
import { DeliveryReportsService } from './delivery-reports.service';
import { DeliveryReportsResolver } from './delivery-reports.resolver';
import { AgencyLeadReports } from './agency-lead-report';
import { ReportDrillDownResolver } from './report-drill-down.resolver';
import { ReportDrillDownService } from './report-drill-down.service';

/**
 * Workforce development reports: one filter (ReportFilters), one set of definitions (report-sql.ts, as
 * libs/domain/src/report-definitions.ts words them), the reports and their files. Later reports add a
 * service that uses ReportFilters and ReportFigures (both exported); the evaluation report reads the survey
 * results (SurveysModule) through the same filter, and the dashboard its confidence chart from the
 * evaluation report; the compliance report (report 5) reads MandatoryStandings (MandatoryTrainingModule) on the
 * period's as-at date.
 */
@Module({
  imports: [SurveysModule, MandatoryTrainingModule],
  providers: [
    ReportFilters,
    ReportFigures,
    ReportsService,
    EvaluationReportService,
    DeliveryReportsService,
    ReportExportsService,
    ReportsResolver,
    DeliveryReportsResolver,
    ReportDrillDownService,
    AgencyLeadReports,
    ReportDrillDownResolver,
    DashboardService,
    DashboardResolver,
    ComplianceReportService,
    ComplianceReportResolver,
  ],
  exports: [ReportFilters, ReportFigures, ReportsService],
})
export class ReportsModule {}
