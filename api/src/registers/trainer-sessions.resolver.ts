import { Query, Resolver } from '@nestjs/graphql';
import { Role } from '@lh/domain';
import { CurrentViewer, Roles } from '../common/access.decorators';
import { IdArg } from '../common/ids';
import type { Viewer } from '../common/viewer';
import { TrainerSessionsService } from './trainer-sessions.service';
import { TrainerSessionType, YourSessionsType } from './trainer-sessions.types';

/** Trainers' sessions: "Your sessions" and one session with its attendee list (its trainers and coordinators only). */
@Resolver(() => TrainerSessionType)
export class TrainerSessionsResolver {
  constructor(private readonly sessions: TrainerSessionsService) {}

  @Roles(Role.TRAINER, Role.COORDINATOR)
  @Query(() => YourSessionsType, { description: 'The sessions you train: coming ones, and those that ended in the last 60 days.' })
  yourSessions(@CurrentViewer() viewer: Viewer): Promise<YourSessionsType> {
    return this.sessions.yourSessions(viewer);
  }

  @Roles(Role.TRAINER, Role.COORDINATOR)
  @Query(() => TrainerSessionType, {
    description: 'One session you train (coordinators: any), with the attendee list and their needs. NOT_FOUND for anyone else.',
  })
  trainerSession(@CurrentViewer() viewer: Viewer, @IdArg('id') id: string): Promise<TrainerSessionType> {
    return this.sessions.session(viewer, id);
  }
}
