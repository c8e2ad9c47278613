import { Args, Query, Resolver } from '@nestjs/graphql';
import { Role } from '@lh/domain';
import { CurrentViewer, Roles } from '../common/access.decorators';
import type { Viewer } from '../common/viewer';
import { ComplianceReportService } from './compliance-report.service';
import { ComplianceReportType } from './compliance-report.types';
import { ReportFilterInput } from './reports.types';

/** Report 5, mandatory training compliance; its file is `reportFile`'s COMPLIANCE. */
@Resolver()
export class ComplianceReportResolver {
  constructor(private readonly reports: ComplianceReportService) {}

  @Roles(Role.COORDINATOR, Role.REVIEWER, Role.AGENCY_LEAD)
  @Query(() => ComplianceReportType, {
    description:
      'Report 5: mandatory training compliance by requirement and agency as at the end of the period (or today), counts only; an agency lead gets their own agency.',
  })
  complianceReport(@CurrentViewer() viewer: Viewer, @Args('filter') filter: ReportFilterInput): Promise<ComplianceReportType> {
    return this.reports.report(viewer, filter);
  }
}
