import { Module } from '@nestjs/common';
import { CaughtMailService } from './caught-mail.service';
import { MailDeliveryService } from './mail-delivery.service';
import { MailLogService } from './mail-log.service';
import { MailOutboxService } from './mail-outbox.service';
import { NotificationsResolver } from './notifications.resolver';

/**
 * Mail and calendar invites: the outbox other capabilities write to (MailOutboxService, exported),
 * delivery over SMTP by background jobs, and the coordinators' mail log.
 */
@Module({
  providers: [MailOutboxService, MailDeliveryService, MailLogService, CaughtMailService, NotificationsResolver],
  exports: [MailOutboxService],
})
export class NotificationsModule {}
