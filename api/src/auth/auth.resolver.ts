import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Inject } from '@nestjs/common';
import type { Response } from 'express';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { CurrentViewer, Public, type RequestWithViewer } from '../common/access.decorators';
import type { Viewer } from '../common/viewer';
import { MeType } from '../people/people.types';
import { AuthService, SESSION_COOKIE } from './auth.service';
import { SignInInput } from './dto/sign-in.input';
import { setSessionCookie } from './session-cookie';

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
  @Mutation(() => MeType, { description: 'Signs in with email and password; sets an httpOnly session cookie.' })
  async signIn(@Args('input') input: SignInInput, @Context('res') res: Response): Promise<MeType> {
    const { token, expiresAt, viewer } = await this.auth.signIn(input.email, input.password);
    setSessionCookie(res, this.config, { token, expiresAt });
    return MeType.from(viewer);
  }

  @Public()
  @Mutation(() => Boolean, { description: 'Ends the current session.' })
  async signOut(@Context('req') req: RequestWithViewer, @Context('res') res: Response): Promise<boolean> {
    await this.auth.signOut((req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE]);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    return true;
  }
}
