import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Role } from '@lh/domain';
import { CurrentViewer, Roles } from '../common/access.decorators';
import { IdArg } from '../common/ids';
import type { Viewer } from '../common/viewer';
import { AgencyAdminService } from './agency-admin.service';
import { AdminAgencyType, AgencyMergeType } from './agency-admin.types';
import { AgencyMergeService } from './agency-merge.service';
import { AgencySignInInput, CreateAgencyInput, UpdateAgencyInput } from './dto/agency-details.input';
import { AgencyType } from './people.types';

/** Coordinators manage the partnership's agencies. */
@Resolver(() => AdminAgencyType)
export class AgencyAdminResolver {
  constructor(
    private readonly admin: AgencyAdminService,
    private readonly merging: AgencyMergeService,
  ) {}

  @Roles(Role.COORDINATOR)
  @Query(() => [AgencyType], { description: 'Partner agencies by name: those offered to people, or every one with includeRetired.' })
  agencies(
    @CurrentViewer() viewer: Viewer,
    @Args('includeRetired', { type: () => Boolean, defaultValue: false }) includeRetired: boolean,
  ): Promise<AgencyType[]> {
    return this.admin.list(viewer, includeRetired);
  }

  @Roles(Role.COORDINATOR)
  @Query(() => [AdminAgencyType], { description: 'Every agency with its settings and people: those in use by name, then the retired.' })
  adminAgencies(@CurrentViewer() viewer: Viewer): Promise<AdminAgencyType[]> {
    return this.admin.adminList(viewer);
  }

  @Roles(Role.COORDINATOR)
  @Query(() => AdminAgencyType)
  adminAgency(@CurrentViewer() viewer: Viewer, @IdArg('id') id: string): Promise<AdminAgencyType> {
    return this.admin.agency(viewer, id);
  }

  @Roles(Role.COORDINATOR)
  @Query(() => AgencyMergeType, { description: 'What merging one agency into another would move, before anything changes.' })
  agencyMergePreview(
    @CurrentViewer() viewer: Viewer,
    @IdArg('fromAgencyId') fromAgencyId: string,
    @IdArg('intoAgencyId') intoAgencyId: string,
  ): Promise<AgencyMergeType> {
    return this.merging.preview(viewer, fromAgencyId, intoAgencyId);
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => AdminAgencyType, { description: 'Adds an agency (names are unique, whatever the case).' })
  createAgency(@CurrentViewer() viewer: Viewer, @Args('input') input: CreateAgencyInput): Promise<AdminAgencyType> {
    return this.admin.createAgency(viewer, input);
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => AdminAgencyType, { description: "Changes an agency's name, sector, statutory partner flag and email domains." })
  updateAgency(@CurrentViewer() viewer: Viewer, @Args('input') input: UpdateAgencyInput): Promise<AdminAgencyType> {
    return this.admin.updateAgency(viewer, input);
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => AdminAgencyType, { description: "Whether an agency's staff book without line manager approval." })
  setAgencyApprovalExempt(
    @CurrentViewer() viewer: Viewer,
    @IdArg('agencyId') agencyId: string,
    @Args('exempt', { type: () => Boolean }) exempt: boolean,
  ): Promise<AdminAgencyType> {
    return this.admin.setApprovalExempt(viewer, agencyId, exempt);
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => AdminAgencyType, { description: 'Whether line managers get a copy of non-attendance mail about its people.' })
  setAgencyManagerCopy(
    @CurrentViewer() viewer: Viewer,
    @IdArg('agencyId') agencyId: string,
    @Args('copy', { type: () => Boolean }) copy: boolean,
  ): Promise<AdminAgencyType> {
    return this.admin.setManagerCopy(viewer, agencyId, copy);
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => AdminAgencyType, { description: 'The Microsoft Entra tenants an agency accepts, and whether passwords still work.' })
  setAgencySignIn(@CurrentViewer() viewer: Viewer, @Args('input') input: AgencySignInInput): Promise<AdminAgencyType> {
    return this.admin.setSignIn(viewer, input);
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => AdminAgencyType, { description: 'Stops offering an agency; its people and bookings stay.' })
  retireAgency(@CurrentViewer() viewer: Viewer, @IdArg('agencyId') agencyId: string): Promise<AdminAgencyType> {
    return this.admin.retire(viewer, agencyId);
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => AdminAgencyType, { description: 'Offers a retired agency again.' })
  bringBackAgency(@CurrentViewer() viewer: Viewer, @IdArg('agencyId') agencyId: string): Promise<AdminAgencyType> {
    return this.admin.bringBack(viewer, agencyId);
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => AgencyMergeType, { description: 'Moves everything of one agency to another, which it keeps, and removes the first.' })
  mergeAgencies(
    @CurrentViewer() viewer: Viewer,
    @IdArg('fromAgencyId') fromAgencyId: string,
    @IdArg('intoAgencyId') intoAgencyId: string,
  ): Promise<AgencyMergeType> {
    return this.merging.merge(viewer, fromAgencyId, intoAgencyId);
  }
}
