import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Inject } from '@nestjs/common';
import type { Response } from 'express';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { CurrentViewer, Public, SignedIn } from '../common/access.decorators';
import type { Viewer } from '../common/viewer';
import { MeType } from '../people/people.types';
import { PasswordLinkType } from './auth.types';
import { CurrentClient, setSessionCookie, type ClientInfo } from './client-info';
import { ChangePasswordInput, SetPasswordWithLinkInput } from './dto/password.input';
import { RequestPasswordResetInput } from './dto/sign-in-link.input';
import { PasswordService } from './password.service';
import { RateLimitName } from './rate-limit.service';
import { RateLimited } from './rate-limited.decorator';
import { LinkTokenArg } from './sign-in-link.resolver';

@Resolver()
export class PasswordResolver {
  constructor(
    private readonly passwords: PasswordService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Mutation(() => Boolean, {
    description: 'Mails a link to choose a new password if the address has an account. Always true: the answer never says whether it has.',
  })
  @RateLimited(RateLimitName.PASSWORD_RESET_PER_IP)
  async requestPasswordReset(@Args('input') input: RequestPasswordResetInput): Promise<boolean> {
    await this.passwords.requestReset(input.email);
    return true;
  }

  @Public()
  @Query(() => PasswordLinkType, { description: 'What a set-password link (reset or invitation) is for, without using it.' })
  async passwordLink(@LinkTokenArg() token: string): Promise<PasswordLinkType> {
    return PasswordLinkType.from(await this.passwords.describeLink(token));
  }

  @Public()
  @Mutation(() => MeType, {
    description:
      'Chooses a password with a reset or invitation link: signs out every other session, mails PASSWORD_CHANGED, and signs in here.',
  })
  async setPasswordWithLink(
    @Args('input') input: SetPasswordWithLinkInput,
    @CurrentClient() client: ClientInfo,
    @Context('res') res: Response,
  ): Promise<MeType> {
    const { viewer, ...session } = await this.passwords.setWithLink(input.token, input.password, client);
    setSessionCookie(res, this.config, session);
    return MeType.from(viewer);
  }

  @SignedIn()
  @Mutation(() => Boolean, { description: 'Changes the password (the current one is needed); signs out every other session.' })
  async changePassword(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: ChangePasswordInput,
    @CurrentClient() client: ClientInfo,
  ): Promise<boolean> {
    await this.passwords.change(viewer, input.currentPassword, input.newPassword, client);
    return true;
  }
}
