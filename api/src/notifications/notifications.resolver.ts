import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Role } from '@lh/domain';
import { IdArg } from '../common/ids';
import { CurrentViewer, Roles } from '../common/access.decorators';
import type { Viewer } from '../common/viewer';
import { CaughtMailService } from './caught-mail.service';
import { MailLogFilterInput } from './dto/mail-log-filter.input';
import { MailLogService } from './mail-log.service';
import { CaughtMailType, MailLogEntryType } from './mail.types';

@Resolver()
export class NotificationsResolver {
  constructor(
    private readonly log: MailLogService,
    private readonly caught: CaughtMailService,
  ) {}

  @Roles(Role.COORDINATOR)
  @Query(() => [MailLogEntryType], { description: 'Outgoing mail, newest first (at most 200), with its delivery state.' })
  mailLog(
    @CurrentViewer() viewer: Viewer | undefined,
    @Args('filter', { type: () => MailLogFilterInput, nullable: true }) filter?: MailLogFilterInput,
  ): Promise<MailLogEntryType[]> {
    return this.log.mailLog(viewer, filter);
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => MailLogEntryType, { description: 'Sends a failed mail again, with a fresh set of attempts.' })
  retryMail(@CurrentViewer() viewer: Viewer | undefined, @IdArg('id') id: string): Promise<MailLogEntryType> {
    return this.log.retry(viewer, id);
  }

  @Roles(Role.COORDINATOR)
  @Query(() => Boolean, { description: 'True in development when the mail catcher keeps the mail the app sends.' })
  mailCatcherAvailable(@CurrentViewer() viewer: Viewer | undefined): boolean {
    return this.caught.available(viewer);
  }

  @Roles(Role.COORDINATOR)
  @Query(() => [CaughtMailType], { description: 'Mail received by the development mail catcher, newest first. Not in production.' })
  caughtMail(@CurrentViewer() viewer: Viewer | undefined): Promise<CaughtMailType[]> {
    return this.caught.list(viewer);
  }

  @Roles(Role.COORDINATOR)
  @Query(() => CaughtMailType, { description: 'One caught mail. Not in production.' })
  caughtMailMessage(@CurrentViewer() viewer: Viewer | undefined, @Args('id', { type: () => ID }) id: string): Promise<CaughtMailType> {
    return this.caught.get(viewer, id);
  }
}
