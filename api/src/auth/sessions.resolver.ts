import { Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Response } from 'express';
import { CurrentViewer, SignedIn } from '../common/access.decorators';
import { IdArg } from '../common/ids';
import type { Viewer } from '../common/viewer';
import { AccountSecurityType } from './auth.types';
import { clearSessionCookie, CurrentClient, type ClientInfo } from './client-info';
import { SessionsService } from './sessions.service';

@Resolver()
export class SessionsResolver {
  constructor(private readonly sessions: SessionsService) {}

  @SignedIn()
  @Query(() => AccountSecurityType, { description: 'Your password settings and where you are signed in.' })
  async myAccountSecurity(@CurrentViewer() viewer: Viewer, @CurrentClient() client: ClientInfo): Promise<AccountSecurityType> {
    return AccountSecurityType.from(await this.sessions.accountSecurity(viewer, client.sessionToken));
  }

  @SignedIn()
  @Mutation(() => Boolean, { description: 'Signs you out on one browser or device.' })
  async signOutSession(@CurrentViewer() viewer: Viewer, @IdArg('sessionId') sessionId: string): Promise<boolean> {
    await this.sessions.signOutSession(viewer, sessionId);
    return true;
  }

  @SignedIn()
  @Mutation(() => Boolean, { description: 'Signs you out on every browser and device, this one included.' })
  async signOutEverywhere(@CurrentViewer() viewer: Viewer, @Context('res') res: Response): Promise<boolean> {
    await this.sessions.signOutEverywhere(viewer);
    clearSessionCookie(res);
    return true;
  }
}
