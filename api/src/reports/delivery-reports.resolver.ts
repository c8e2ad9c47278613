import { Args, Query, Resolver } from '@nestjs/graphql';
import { Role } from '@lh/domain';
import { CurrentViewer, Roles } from '../common/access.decorators';
import type { Viewer } from '../common/viewer';
import { DeliveryReportsService } from './delivery-reports.service';
import { ChargesReportType, TrainersReportType } from './delivery-reports.types';
import { ReportFilterInput } from './reports.types';

/** Reports 6 (trainers) and 7 (charges for invoicing); their files are `reportFile`'s TRAINERS, TRAINER_AGENCIES and CHARGES. */
@Resolver()
export class DeliveryReportsResolver {
  constructor(private readonly reports: DeliveryReportsService) {}

  @Roles(Role.COORDINATOR, Role.REVIEWER)
  @Query(() => ChargesReportType, {
    description: 'Report 7: did not attend, late cancellations and charges raised, waived and standing, by agency type and agency.',
  })
  chargesReport(@CurrentViewer() viewer: Viewer, @Args('filter') filter: ReportFilterInput): Promise<ChargesReportType> {
    return this.reports.charges(viewer, filter);
  }

  @Roles(Role.COORDINATOR, Role.REVIEWER)
  @Query(() => TrainersReportType, {
    description: 'Report 6: sessions, training days and ratings per trainer (coordinators only) and per trainer’s agency.',
  })
  trainersReport(@CurrentViewer() viewer: Viewer, @Args('filter') filter: ReportFilterInput): Promise<TrainersReportType> {
    return this.reports.trainers(viewer, filter);
  }
}
