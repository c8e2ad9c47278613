import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Inject } from '@nestjs/common';
import type { Response } from 'express';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { Public } from '../common/access.decorators';
import { TextArg } from '../common/text-arg';
import { MeType } from '../people/people.types';
import { CurrentClient, setSessionCookie, type ClientInfo } from './client-info';
import { RequestSignInLinkInput } from './dto/sign-in-link.input';
import { SignInLinkService } from './sign-in-link.service';
import { RateLimitName } from './rate-limit.service';
import { RateLimited } from './rate-limited.decorator';

/** Sign-in links are 43 characters; anything far longer is not one. */
export const LinkTokenArg = () =>
  TextArg('token', { maxLength: 200, message: 'This link is not complete or has been changed: use the link from the email' });

@Resolver()
export class SignInLinkResolver {
  constructor(
    private readonly links: SignInLinkService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Mutation(() => Boolean, {
    description:
      'Mails a one-time sign-in link (15 minutes) if the address has an account. Always true: the answer never says whether it has.',
  })
  @RateLimited(RateLimitName.SIGN_IN_LINK_PER_IP)
  async requestSignInLink(@Args('input') input: RequestSignInLinkInput): Promise<boolean> {
    await this.links.requestLink(input.email, input.next ?? null);
    return true;
  }

  @Public()
  @Query(() => Boolean, {
    description: 'True when a sign-in link can still be used (it is not used up by asking); otherwise the reason as an error.',
  })
  async checkSignInLink(@LinkTokenArg() token: string): Promise<boolean> {
    await this.links.checkLink(token);
    return true;
  }

  @Public()
  @Mutation(() => MeType, { description: 'Uses a one-time sign-in link: starts a session (httpOnly cookie).' })
  async signInWithLink(@LinkTokenArg() token: string, @CurrentClient() client: ClientInfo, @Context('res') res: Response): Promise<MeType> {
    const { viewer, ...session } = await this.links.signInWithLink(token, client);
    setSessionCookie(res, this.config, session);
    return MeType.from(viewer);
  }
}
