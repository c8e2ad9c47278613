import { Module } from '@nestjs/common';
import { BookingModule } from '../booking/booking.module';
import { SchedulingResolver } from './scheduling.resolver';
import { SchedulingService } from './scheduling.service';
import { SessionCancellationResolver } from './session-cancellation.resolver';
import { SessionCancellationService } from './session-cancellation.service';

@Module({
  imports: [BookingModule],
  providers: [SchedulingService, SchedulingResolver, SessionCancellationService, SessionCancellationResolver],
})
export class SchedulingModule {}
