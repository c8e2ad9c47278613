import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Role } from '@lh/domain';
import { CurrentViewer, Roles } from '../common/access.decorators';
import type { Viewer } from '../common/viewer';
import { SessionRosterType } from '../booking/booking.types';
import { CancelSessionInput } from './dto/cancel-session.input';
import { SessionCancellationService } from './session-cancellation.service';

@Resolver(() => SessionRosterType)
export class SessionCancellationResolver {
  constructor(private readonly cancellation: SessionCancellationService) {}

  @Roles(Role.COORDINATOR)
  @Mutation(() => SessionRosterType, { description: 'Cancels a whole session: everyone booked is told, with other dates of the course.' })
  cancelSession(@CurrentViewer() viewer: Viewer, @Args('input') input: CancelSessionInput): Promise<SessionRosterType> {
    return this.cancellation.cancelSession(viewer, input.sessionId, input.reason);
  }
}
