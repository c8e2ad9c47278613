import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Inject } from '@nestjs/common';
import type { Response } from 'express';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { CurrentViewer, Public } from '../common/access.decorators';
import type { Viewer } from '../common/viewer';
import { MeType } from '../people/people.types';
import { AuthService } from './auth.service';
import { clearSessionCookie, CurrentClient, setSessionCookie, type ClientInfo } from './client-info';
import { SignInInput } from './dto/sign-in.input';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Query(() => MeType, { nullable: true, description: 'The signed-in person, or null.' })
  me(@CurrentViewer() viewer: Viewer | undefined): MeType | null {
    return viewer ? MeType.from(viewer) : null;
  }

  @Public()
  @Mutation(() => MeType, {
    description:
      'Signs in with email and password; sets an httpOnly session cookie. Repeated failures make the account (and the IP address) wait: TOO_MANY_ATTEMPTS says how long.',
  })
  async signIn(@Args('input') input: SignInInput, @CurrentClient() client: ClientInfo, @Context('res') res: Response): Promise<MeType> {
    const { viewer, ...session } = await this.auth.signIn(input.email, input.password, client);
    setSessionCookie(res, this.config, session);
    return MeType.from(viewer);
  }

  @Public()
  @Mutation(() => Boolean, { description: 'Ends the current session.' })
  async signOut(@CurrentClient() client: ClientInfo, @Context('res') res: Response): Promise<boolean> {
    await this.auth.signOut(client.sessionToken);
    clearSessionCookie(res);
    return true;
  }
}
