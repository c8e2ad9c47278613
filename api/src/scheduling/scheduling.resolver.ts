import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Role } from '@lh/domain';
import { IdArg } from '../common/ids';
import { CurrentViewer, Roles } from '../common/access.decorators';
import type { Viewer } from '../common/viewer';
import { SchedulingService } from './scheduling.service';
import { TrainingPoolService } from './training-pool.service';
import { VenueAdminService } from './venue-admin.service';
import { AdminSessionType, AdminVenueType, TrainerPoolMemberType } from './scheduling.types';
import { CreateVenueInput } from './dto/create-venue.input';
import { UpdateVenueInput } from './dto/update-venue.input';
import { CreateSessionInput } from './dto/create-session.input';
import { UpdateSessionInput } from './dto/update-session.input';
import { AssignTrainerInput } from './dto/assign-trainer.input';

/** Coordinators' scheduling: venues, sessions and the training pool. */
@Resolver(() => AdminSessionType)
export class SchedulingResolver {
  constructor(
    private readonly scheduling: SchedulingService,
    private readonly venueAdmin: VenueAdminService,
    private readonly pool: TrainingPoolService,
  ) {}

  @Roles(Role.COORDINATOR)
  @Query(() => [AdminVenueType], { description: 'Every venue, by name.' })
  venues(@CurrentViewer() viewer: Viewer): Promise<AdminVenueType[]> {
    return this.venueAdmin.venues(viewer);
  }

  @Roles(Role.COORDINATOR)
  @Query(() => AdminVenueType)
  venue(@CurrentViewer() viewer: Viewer, @IdArg('id') id: string): Promise<AdminVenueType> {
    return this.venueAdmin.venue(viewer, id);
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => AdminVenueType)
  createVenue(@CurrentViewer() viewer: Viewer, @Args('input') input: CreateVenueInput): Promise<AdminVenueType> {
    return this.venueAdmin.createVenue(viewer, input);
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => AdminVenueType, { description: 'Changes a venue; rooms still given to coming sessions cannot be removed.' })
  updateVenue(@CurrentViewer() viewer: Viewer, @Args('input') input: UpdateVenueInput): Promise<AdminVenueType> {
    return this.venueAdmin.updateVenue(viewer, input);
  }

  @Roles(Role.COORDINATOR)
  @Query(() => AdminSessionType, { description: 'One session with everything its edit page needs.' })
  sessionAdmin(@CurrentViewer() viewer: Viewer, @IdArg('id') id: string): Promise<AdminSessionType> {
    return this.scheduling.session(viewer, id);
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => AdminSessionType, { description: 'Schedules a session of a course: parts in London time, venue or online link.' })
  createSession(@CurrentViewer() viewer: Viewer, @Args('input') input: CreateSessionInput): Promise<AdminSessionType> {
    return this.scheduling.createSession(viewer, input);
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => AdminSessionType, { description: "Changes a session's parts, place and booking window; the people booked are told." })
  updateSession(@CurrentViewer() viewer: Viewer, @Args('input') input: UpdateSessionInput): Promise<AdminSessionType> {
    return this.scheduling.updateSession(viewer, input);
  }

  @Roles(Role.COORDINATOR)
  @Query(() => [TrainerPoolMemberType], { description: 'People with the trainer role, with their coming sessions.' })
  trainerPool(@CurrentViewer() viewer: Viewer): Promise<TrainerPoolMemberType[]> {
    return this.pool.trainerPool(viewer);
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => AdminSessionType, { description: 'Puts a member of the training pool on a session.' })
  assignTrainer(@CurrentViewer() viewer: Viewer, @Args('input') input: AssignTrainerInput): Promise<AdminSessionType> {
    return this.pool.assignTrainer(viewer, input);
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => AdminSessionType, { description: 'Takes a trainer off a session.' })
  removeTrainer(
    @CurrentViewer() viewer: Viewer,
    @IdArg('sessionId') sessionId: string,
    @IdArg('personId') personId: string,
  ): Promise<AdminSessionType> {
    return this.pool.removeTrainer(viewer, sessionId, personId);
  }
}
