import { Module } from '@nestjs/common';
import { BookingModule } from '../booking/booking.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { SchedulingModule } from '../scheduling/scheduling.module';
import { RosterBulkService } from './roster-bulk.service';
import { RosterExportService } from './roster-export.service';
import { RosterMailer } from './roster-mailer';
import { RosterMessageService } from './roster-message.service';
import { RosterResolver } from './roster.resolver';
import { RosterService } from './roster.service';

/** The coordinator's session roster (issue 17): search, sort, notes, bulk add and move, exports, messages. */
@Module({
  imports: [BookingModule, SchedulingModule, NotificationsModule],
  providers: [RosterService, RosterBulkService, RosterExportService, RosterMailer, RosterMessageService, RosterResolver],
})
export class RosterModule {}
