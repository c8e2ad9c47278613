import { Module } from '@nestjs/common';
import { BookingModule } from '../booking/booking.module';
import { SchedulingModule } from '../scheduling/scheduling.module';
import { RosterBulkService } from './roster-bulk.service';
import { RosterExportService } from './roster-export.service';
import { RosterResolver } from './roster.resolver';
import { RosterService } from './roster.service';

/** The coordinator's session roster (issue 17): search, sort, notes, bulk add and move, exports. */
@Module({
  imports: [BookingModule, SchedulingModule],
  providers: [RosterService, RosterBulkService, RosterExportService, RosterResolver],
})
export class RosterModule {}
