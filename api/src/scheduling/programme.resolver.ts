import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Role } from '@lh/domain';
import { CurrentViewer, Roles } from '../common/access.decorators';
import type { Viewer } from '../common/viewer';
import { ProgrammeFilterInput } from './dto/programme-filter.input';
import { CopySessionInput } from './dto/copy-session.input';
import { ProgrammeService } from './programme.service';
import { SessionCopyService } from './session-copy.service';
import { TrainingTeamQueueService } from './training-team-queue.service';
import { ProgrammeMonthType, ProgrammePageType } from './programme.types';
import { SessionCopyResultType } from './session-copy.types';
import { TrainingTeamQueueType } from './training-team-queue.types';

/** Coordinators running the whole programme: the filtered list, its month calendar, the team's queue, copies. */
@Resolver()
export class ProgrammeResolver {
  constructor(
    private readonly programme: ProgrammeService,
    private readonly queue: TrainingTeamQueueService,
    private readonly copies: SessionCopyService,
  ) {}

  @Roles(Role.COORDINATOR)
  @Query(() => ProgrammePageType, { description: 'Sessions filtered, sorted and counted; 25 a page; from today unless the filter says.' })
  programmeSessions(
    @CurrentViewer() viewer: Viewer,
    @Args('filter', { type: () => ProgrammeFilterInput, nullable: true }) filter?: ProgrammeFilterInput,
  ): Promise<ProgrammePageType> {
    return this.programme.page(viewer, filter ?? {});
  }

  @Roles(Role.COORDINATOR)
  @Query(() => ProgrammeMonthType, { description: "A month of the programme with the same filter (its dates and page are the month's)." })
  programmeMonth(
    @CurrentViewer() viewer: Viewer,
    @Args('month', { type: () => String, description: 'YYYY-MM.' }) month: string,
    @Args('filter', { type: () => ProgrammeFilterInput, nullable: true }) filter?: ProgrammeFilterInput,
  ): Promise<ProgrammeMonthType> {
    return this.programme.month(viewer, month, filter ?? {});
  }

  @Roles(Role.COORDINATOR)
  @Query(() => TrainingTeamQueueType, { description: 'Everything waiting for the training team across sessions.' })
  trainingTeamQueue(@CurrentViewer() viewer: Viewer): Promise<TrainingTeamQueueType> {
    return this.queue.queue(viewer);
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => SessionCopyResultType, { description: 'Copies a session onto other dates; each date is checked and reported.' })
  copySession(@CurrentViewer() viewer: Viewer, @Args('input') input: CopySessionInput): Promise<SessionCopyResultType> {
    return this.copies.copy(viewer, input);
  }
}
