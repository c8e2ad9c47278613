import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { IdArg } from '../common/ids';
import { Role } from '@lh/domain';
import { CurrentViewer, Roles, SignedIn } from '../common/access.decorators';
import type { Viewer } from '../common/viewer';
import { ComplianceService } from './compliance.service';
import { MandatoryRequirementsService } from './mandatory-requirements.service';
import { MandatoryTrainingService } from './mandatory-training.service';
import {
  AgencyComplianceType,
  CompliancePersonType,
  ComplianceType,
  MandatoryRequirementType,
  MandatoryTrainingOfType,
} from './mandatory-training.types';
import { CompliancePeopleFilterInput, MandatoryRequirementInput } from './dto/mandatory-requirement.input';

/** Mandatory training: requirements, standings, compliance and the agency lead's view. */
@Resolver()
export class MandatoryTrainingResolver {
  constructor(
    private readonly requirements: MandatoryRequirementsService,
    private readonly training: MandatoryTrainingService,
    private readonly compliance: ComplianceService,
  ) {}

  @Roles(Role.COORDINATOR)
  @Query(() => [MandatoryRequirementType])
  mandatoryRequirements(@CurrentViewer() viewer: Viewer): Promise<MandatoryRequirementType[]> {
    return this.requirements.list(viewer);
  }

  @Roles(Role.COORDINATOR)
  @Query(() => MandatoryRequirementType)
  mandatoryRequirement(@CurrentViewer() viewer: Viewer, @IdArg('id') id: string): Promise<MandatoryRequirementType> {
    return this.requirements.one(viewer, id);
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => MandatoryRequirementType, { description: 'Creates a requirement, or changes one when `id` is given.' })
  saveMandatoryRequirement(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: MandatoryRequirementInput,
    @IdArg('id', { nullable: true }) id?: string | null,
  ): Promise<MandatoryRequirementType> {
    return this.requirements.save(viewer, input, id ?? undefined);
  }

  @SignedIn()
  @Query(() => MandatoryTrainingOfType, { description: "The signed-in person's mandatory training, with sessions to book." })
  myMandatoryTraining(@CurrentViewer() viewer: Viewer): Promise<MandatoryTrainingOfType> {
    return this.training.mine(viewer);
  }

  @Roles(Role.COORDINATOR, Role.AGENCY_LEAD)
  @Query(() => MandatoryTrainingOfType, {
    description: "A person's mandatory training (coordinators, and the lead of the person's agency).",
  })
  mandatoryTrainingOf(@CurrentViewer() viewer: Viewer, @IdArg('personId') personId: string): Promise<MandatoryTrainingOfType> {
    return this.training.of(viewer, personId);
  }

  @Roles(Role.COORDINATOR, Role.REVIEWER)
  @Query(() => ComplianceType, { description: 'Compliance figures by requirement and agency: counts only, never names.' })
  mandatoryCompliance(@CurrentViewer() viewer: Viewer): Promise<ComplianceType> {
    return this.compliance.compliance(viewer);
  }

  @Roles(Role.COORDINATOR)
  @Query(() => [CompliancePersonType], { description: 'The people behind a compliance figure.' })
  compliancePeople(@CurrentViewer() viewer: Viewer, @Args('filter') filter: CompliancePeopleFilterInput): Promise<CompliancePersonType[]> {
    return this.compliance.people(viewer, filter);
  }

  @Roles(Role.AGENCY_LEAD)
  @Query(() => AgencyComplianceType, { description: "An agency lead's own agency: staff, statuses and figures beside the partnership's." })
  yourAgencyCompliance(@CurrentViewer() viewer: Viewer): Promise<AgencyComplianceType> {
    return this.compliance.yourAgency(viewer);
  }
}
