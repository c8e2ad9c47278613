import { Module } from '@nestjs/common';
import { BookingModule } from '../booking/booking.module';
import { SchedulingResolver } from './scheduling.resolver';
import { SchedulingService } from './scheduling.service';
import { SessionCancellationResolver } from './session-cancellation.resolver';
import { SessionCancellationService } from './session-cancellation.service';
import { TrainerSchedule } from './trainer-schedule';
import { TrainingPoolService } from './training-pool.service';
import { VenueAdminService } from './venue-admin.service';

@Module({
  imports: [BookingModule],
  providers: [
    SchedulingService,
    VenueAdminService,
    TrainingPoolService,
    TrainerSchedule,
    SchedulingResolver,
    SessionCancellationService,
    SessionCancellationResolver,
  ],
})
export class SchedulingModule {}
