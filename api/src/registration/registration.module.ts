import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { RegistrationMailer } from './registration-mailer';
import { RegistrationQueueResolver } from './registration-queue.resolver';
import { RegistrationQueueService } from './registration-queue.service';
import { RegistrationResolver } from './registration.resolver';
import { RegistrationService } from './registration.service';

/**
 * Getting an account: registering and confirming the address (anyone, RegistrationService), and the
 * coordinators' queue of registrations and agency requests (RegistrationQueueService).
 */
@Module({
  imports: [AuthModule, NotificationsModule],
  providers: [RegistrationMailer, RegistrationService, RegistrationQueueService, RegistrationResolver, RegistrationQueueResolver],
  exports: [RegistrationQueueService],
})
export class RegistrationModule {}
