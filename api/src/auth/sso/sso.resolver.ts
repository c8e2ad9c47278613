import { Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Inject } from '@nestjs/common';
import type { Response } from 'express';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { Public } from '../../common/access.decorators';
import { TextArg } from '../../common/text-arg';
import { MeType } from '../../people/people.types';
import { CurrentClient, setSessionCookie, type ClientInfo } from '../client-info';
import { SsoService } from './sso.service';
import { SingleSignOnResultType, SingleSignOnStartType, SingleSignOnType } from './sso.types';

@Resolver()
export class SsoResolver {
  constructor(
    private readonly sso: SsoService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Query(() => SingleSignOnType)
  singleSignOn(): SingleSignOnType {
    const label = this.sso.buttonLabel;
    return { enabled: !!label, buttonLabel: label };
  }

  @Public()
  @Mutation(() => SingleSignOnStartType, { description: "Starts signing in with the organisation's identity provider." })
  startSingleSignOn(
    @TextArg('next', { nullable: true, maxLength: 2000, message: 'The page to return to must be 2000 characters or fewer' }) next?: string,
  ): Promise<SingleSignOnStartType> {
    return this.sso.start(next?.startsWith('/') && !next.startsWith('//') ? next : '/courses');
  }

  @Public()
  @Mutation(() => SingleSignOnResultType, { description: "Finishes single sign-on with the provider's answer; sets the session cookie." })
  async finishSingleSignOn(
    @TextArg('callbackQuery', { maxLength: 8000, message: 'The answer from your organisation is too long' }) callbackQuery: string,
    @TextArg('state', { maxLength: 200, message: 'The sign-in state is too long' }) state: string,
    @CurrentClient() client: ClientInfo,
    @Context('res') res: Response,
  ): Promise<SingleSignOnResultType> {
    const result = await this.sso.finish(callbackQuery, state, client);
    setSessionCookie(res, this.config, result);
    return { me: MeType.from(result.viewer), next: result.nextPath };
  }
}
