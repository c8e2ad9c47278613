import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { RecordsModule } from '../records/records.module';
import { ComplianceService } from './compliance.service';
import { MandatoryReminders } from './mandatory-reminders';
import { MandatoryRequirementsService } from './mandatory-requirements.service';
import { MandatoryStandings } from './mandatory-standings';
import { MandatoryTrainingRepository } from './mandatory-training.repository';
import { MandatoryTrainingResolver } from './mandatory-training.resolver';
import { MandatoryTrainingService } from './mandatory-training.service';

/**
 * Mandatory training: requirements (coordinators), each person's standing with sessions to book, the daily
 * reminders, compliance figures (coordinators and reviewers) and an agency lead's view of their agency.
 */
@Module({
  imports: [NotificationsModule, RecordsModule],
  providers: [
    MandatoryTrainingRepository,
    MandatoryStandings,
    MandatoryRequirementsService,
    MandatoryTrainingService,
    ComplianceService,
    MandatoryReminders,
    MandatoryTrainingResolver,
  ],
  exports: [MandatoryStandings],
})
export class MandatoryTrainingModule {}
