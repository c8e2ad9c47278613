import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentViewer, SignedIn } from '../common/access.decorators';
import type { Viewer } from '../common/viewer';
import { RequestAgencyMoveInput, UpdateProfileInput } from './dto/update-profile.input';
import { ProfileService } from './profile.service';
import { ProfileType } from './profile.type';

@Resolver(() => ProfileType)
export class ProfileResolver {
  constructor(private readonly profiles: ProfileService) {}

  @SignedIn()
  @Query(() => ProfileType, { description: 'What the signed-in person keeps about themselves.' })
  myProfile(@CurrentViewer() viewer: Viewer): Promise<ProfileType> {
    return this.profiles.myProfile(viewer);
  }

  @SignedIn()
  @Mutation(() => ProfileType, {
    description: 'Changes your own profile (name, job title, team, usual line manager); fields left out stay as they are.',
  })
  updateMyProfile(@CurrentViewer() viewer: Viewer, @Args('input') input: UpdateProfileInput): Promise<ProfileType> {
    return this.profiles.updateMyProfile(viewer, input);
  }

  @SignedIn()
  @Mutation(() => ProfileType, {
    description: 'Asks to move to another agency; a coordinator confirms it. Asking again replaces the request.',
  })
  requestAgencyMove(@CurrentViewer() viewer: Viewer, @Args('input') input: RequestAgencyMoveInput): Promise<ProfileType> {
    return this.profiles.requestAgencyMove(viewer, input);
  }
}
