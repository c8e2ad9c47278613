import { Module } from '@nestjs/common';
import { BookingModule } from '../booking/booking.module';
import { SchedulingResolver } from './scheduling.resolver';
import { SchedulingService } from './scheduling.service';

@Module({
  imports: [BookingModule],
  providers: [SchedulingService, SchedulingResolver],
})
export class SchedulingModule {}
