import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Role } from '@lh/domain';
import { CurrentViewer, Roles } from '../common/access.decorators';
import { IdArg } from '../common/ids';
import { TextArg } from '../common/text-arg';
import type { Viewer } from '../common/viewer';
import { AddWalkInInput } from './dto/walk-in.input';
import { WalkInService } from './walk-in.service';
import { CheckInRequestType, WalkInCandidateType, WalkInResultType } from './walk-in.types';

/** Walk-ins at the door: the session's trainers, and coordinators, while the register is being taken. */
@Resolver()
export class WalkInResolver {
  constructor(private readonly walkIns: WalkInService) {}

  @Roles(Role.TRAINER, Role.COORDINATOR)
  @Query(() => [WalkInCandidateType], {
    description:
      'People with an account (active or provisional) whose name or email contains the query: at least 2 characters, at most 10 results.',
  })
  walkInCandidates(
    @CurrentViewer() viewer: Viewer,
    @IdArg('partId') partId: string,
    @TextArg('query', { maxLength: 200, message: 'Search for 200 characters or fewer' }) query: string,
  ): Promise<WalkInCandidateType[]> {
    return this.walkIns.candidates(viewer, partId, query);
  }

  @Roles(Role.TRAINER, Role.COORDINATOR)
  @Mutation(() => WalkInResultType, {
    description:
      'Adds someone at the door with a confirmed walk-in place, marked present: a person with an account, or someone new (a provisional account is made and mailed a link to claim it). Idempotent by clientId.',
  })
  addWalkIn(@CurrentViewer() viewer: Viewer, @Args('input') input: AddWalkInInput): Promise<WalkInResultType> {
    return this.walkIns.add(viewer, input);
  }

  @Roles(Role.TRAINER, Role.COORDINATOR)
  @Query(() => [CheckInRequestType], {
    description: 'People with no place who checked in with the code and wait to be added (accept with addWalkIn and their personId).',
  })
  checkInRequests(@CurrentViewer() viewer: Viewer, @IdArg('partId') partId: string): Promise<CheckInRequestType[]> {
    return this.walkIns.requests(viewer, partId);
  }

  @Roles(Role.TRAINER, Role.COORDINATOR)
  @Mutation(() => [CheckInRequestType], {
    description: 'Dismisses a check-in request without adding the person; gives the requests still waiting.',
  })
  dismissCheckInRequest(@CurrentViewer() viewer: Viewer, @IdArg('requestId') requestId: string): Promise<CheckInRequestType[]> {
    return this.walkIns.dismiss(viewer, requestId);
  }
}
