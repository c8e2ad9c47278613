import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Role } from '@lh/domain';
import { CurrentViewer, Roles } from '../common/access.decorators';
import { IdArg } from '../common/ids';
import { ReasonArg } from '../common/text-arg';
import type { Viewer } from '../common/viewer';
import { CreateAgencyFromRequestInput } from './dto/create-agency-from-request.input';
import { RegistrationQueueService } from './registration-queue.service';
import { AgencyRequestType, PendingRegistrationType, RegistrationQueueType } from './registration.types';

/** The coordinators' queue of registrations and agency requests. */
@Resolver()
export class RegistrationQueueResolver {
  constructor(private readonly queue: RegistrationQueueService) {}

  @Roles(Role.COORDINATOR)
  @Query(() => RegistrationQueueType, {
    description: 'Registrations waiting for approval (address confirmed) and agency requests waiting for a decision, oldest first.',
  })
  registrationQueue(@CurrentViewer() viewer: Viewer): Promise<RegistrationQueueType> {
    return this.queue.queue(viewer);
  }

  @Roles(Role.COORDINATOR)
  @Query(() => Int, { description: 'How many registrations and agency requests wait for a decision.' })
  registrationQueueCount(@CurrentViewer() viewer: Viewer): Promise<number> {
    return this.queue.count(viewer);
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => PendingRegistrationType, { description: 'Approves a registration: the person can sign in. Mails them.' })
  approveRegistration(@CurrentViewer() viewer: Viewer, @IdArg('personId') personId: string): Promise<PendingRegistrationType> {
    return this.queue.approveRegistration(viewer, personId);
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => PendingRegistrationType, { description: 'Refuses a registration, with a reason mailed to the person.' })
  refuseRegistration(
    @CurrentViewer() viewer: Viewer,
    @IdArg('personId') personId: string,
    @ReasonArg() reason: string | null,
  ): Promise<PendingRegistrationType> {
    return this.queue.refuseRegistration(viewer, personId, reason);
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => AgencyRequestType, { description: 'Creates the agency a person asked for and puts them in it. Mails them.' })
  createAgencyFromRequest(@CurrentViewer() viewer: Viewer, @Args('input') input: CreateAgencyFromRequestInput): Promise<AgencyRequestType> {
    return this.queue.createAgency(viewer, input.requestId, input);
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => AgencyRequestType, { description: 'Puts the person who asked in an agency that already exists. Mails them.' })
  mapAgencyRequest(
    @CurrentViewer() viewer: Viewer,
    @IdArg('requestId') requestId: string,
    @IdArg('agencyId') agencyId: string,
  ): Promise<AgencyRequestType> {
    return this.queue.mapToAgency(viewer, requestId, agencyId);
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => AgencyRequestType, {
    description: "Refuses an agency request (the person's agency does not change), with a reason mailed to them.",
  })
  refuseAgencyRequest(
    @CurrentViewer() viewer: Viewer,
    @IdArg('requestId') requestId: string,
    @ReasonArg() reason: string | null,
  ): Promise<AgencyRequestType> {
    return this.queue.refuseAgencyRequest(viewer, requestId, reason);
  }
}
