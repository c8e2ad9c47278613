import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer } from '../common/access.decorators';
import { loaderFor } from '../common/loaders';
import type { Viewer } from '../common/viewer';
import { SessionType } from '../catalogue/course.types';
import { BookingSessionType } from '../booking/booking.types';
import { SessionTrainersService } from './session-trainers.service';

const DESCRIPTION =
  'The names of the trainers delivering it, by name (no contact details); empty when signed out or none are assigned yet.';

/** Adds the trainers' names to the sessions of the catalogue (course page, booking page). */
@Resolver(() => SessionType)
export class SessionTrainerNamesResolver {
  constructor(private readonly trainers: SessionTrainersService) {}

  @ResolveField(() => [String], { description: DESCRIPTION })
  trainerNames(
    @Parent() session: SessionType,
    @CurrentViewer() viewer: Viewer | undefined,
    @Context('req') req: object,
  ): Promise<string[]> {
    return loaderFor(req, 'session.trainerNames', (ids) => this.trainers.namesBySession(viewer, ids), []).load(session.id);
  }
}

/** Adds the trainers' names to the session of a booking (the booking page, Your bookings). */
@Resolver(() => BookingSessionType)
export class BookingSessionTrainerNamesResolver {
  constructor(private readonly trainers: SessionTrainersService) {}

  @ResolveField(() => [String], { description: DESCRIPTION })
  trainerNames(
    @Parent() session: BookingSessionType,
    @CurrentViewer() viewer: Viewer | undefined,
    @Context('req') req: object,
  ): Promise<string[]> {
    return loaderFor(req, 'session.trainerNames', (ids) => this.trainers.namesBySession(viewer, ids), []).load(session.id);
  }
}
