import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Role } from '@lh/domain';
import { CurrentViewer, Roles } from '../common/access.decorators';
import type { Viewer } from '../common/viewer';
import { ChargeWaiverService } from './charge-waiver.service';
import { NonAttendanceListService } from './non-attendance-list.service';
import { NonAttendancePolicyService } from './non-attendance-policy.service';
import { NonAttendanceChargeType, NonAttendanceCsvType, NonAttendanceRateType, NonAttendanceReportType } from './non-attendance.types';
import { NonAttendanceFilterInput, NonAttendancePolicyInput, WaiveChargeInput } from './dto/non-attendance.inputs';

/** Coordinators: the non-attendance policy, the list of non-attendances and charges, waiving a charge. */
@Resolver()
export class NonAttendanceResolver {
  constructor(
    private readonly policies: NonAttendancePolicyService,
    private readonly lists: NonAttendanceListService,
    private readonly waivers: ChargeWaiverService,
  ) {}

  @Roles(Role.COORDINATOR)
  @Query(() => [NonAttendanceRateType], { description: 'What each agency type pays a day for a non-attendance and a late cancellation.' })
  nonAttendancePolicy(@CurrentViewer() viewer: Viewer): Promise<NonAttendanceRateType[]> {
    return this.policies.policy(viewer);
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => [NonAttendanceRateType], {
    description: 'Sets the daily rates of the agency types given; outcomes decided later use them.',
  })
  setNonAttendancePolicy(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: NonAttendancePolicyInput,
  ): Promise<NonAttendanceRateType[]> {
    return this.policies.setPolicy(viewer, input);
  }

  @Roles(Role.COORDINATOR)
  @Query(() => NonAttendanceReportType, {
    description: 'Non-attendances and late cancellations of a period, their charges and totals per agency.',
  })
  nonAttendances(@CurrentViewer() viewer: Viewer, @Args('filter') filter: NonAttendanceFilterInput): Promise<NonAttendanceReportType> {
    return this.lists.report(viewer, filter);
  }

  @Roles(Role.COORDINATOR)
  @Query(() => NonAttendanceCsvType, { description: 'The same list as CSV, for invoicing.' })
  nonAttendanceCsv(@CurrentViewer() viewer: Viewer, @Args('filter') filter: NonAttendanceFilterInput): Promise<NonAttendanceCsvType> {
    return this.lists.csv(viewer, filter);
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => NonAttendanceChargeType, { description: 'Waives a charge, with the reason.' })
  waiveCharge(@CurrentViewer() viewer: Viewer, @Args('input') input: WaiveChargeInput): Promise<NonAttendanceChargeType> {
    return this.waivers.waive(viewer, input);
  }
}
