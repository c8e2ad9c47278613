import { Module } from '@nestjs/common';
import { BookingModule } from '../booking/booking.module';

/** Registers: trainers' sessions, taking attendance, sign-off and corrections, and what follows from them. */
@Module({
  imports: [BookingModule],
  providers: [],
})
export class RegistersModule {}
