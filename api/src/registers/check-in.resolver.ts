import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Role } from '@lh/domain';
import { CurrentViewer, Roles, SignedIn } from '../common/access.decorators';
import { IdArg } from '../common/ids';
import type { Viewer } from '../common/viewer';
import { CurrentClient, type ClientInfo } from '../auth/client-info';
import { CheckInScreenService } from './check-in-screen.service';
import { CheckInService } from './check-in.service';
import { CheckInInput } from './dto/walk-in.input';
import { CheckInResultType, CheckInScreenType } from './walk-in.types';

/** Self check-in: the screen the trainers show (theirs and coordinators'), and checking in with its code (anyone signed in). */
@Resolver()
export class CheckInResolver {
  constructor(
    private readonly screens: CheckInScreenService,
    private readonly checkIns: CheckInService,
  ) {}

  @Roles(Role.TRAINER, Role.COORDINATOR)
  @Query(() => CheckInScreenType, {
    description: "A part's check-in screen: the code now (it changes every 20 seconds), its QR code and the counts.",
  })
  checkInScreen(@CurrentViewer() viewer: Viewer, @IdArg('partId') partId: string): Promise<CheckInScreenType> {
    return this.screens.screen(viewer, partId);
  }

  @SignedIn()
  @Mutation(() => CheckInResultType, {
    description:
      'Checks the signed-in person in with the code on the screen: present on their own confirmed place, or, with no place, a request for the trainers. Refusals say why.',
  })
  checkIn(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: CheckInInput,
    @CurrentClient() client: ClientInfo,
  ): Promise<CheckInResultType> {
    return this.checkIns.checkIn(viewer, input, client.ip);
  }
}
