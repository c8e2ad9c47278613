import { Module } from '@nestjs/common';
import { BookingModule } from '../booking/booking.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { SchedulingResolver } from './scheduling.resolver';
import { SchedulingService } from './scheduling.service';
import { SessionCancellationResolver } from './session-cancellation.resolver';
import { SessionCancellationService } from './session-cancellation.service';
import { TrainerSchedule } from './trainer-schedule';
import { TrainerMailer } from './trainer-mailer';
import { SessionTrainerRepository } from './session-trainer.repository';
import { SessionTrainersService } from './session-trainers.service';
import { BookingSessionTrainerNamesResolver, SessionTrainerNamesResolver } from './session-trainers.resolver';
import { TrainingPoolService } from './training-pool.service';
import { VenueAdminService } from './venue-admin.service';

@Module({
  imports: [BookingModule, NotificationsModule],
  providers: [
    SchedulingService,
    VenueAdminService,
    TrainingPoolService,
    TrainerSchedule,
    TrainerMailer,
    SessionTrainerRepository,
    SessionTrainersService,
    SessionTrainerNamesResolver,
    BookingSessionTrainerNamesResolver,
    SchedulingResolver,
    SessionCancellationService,
    SessionCancellationResolver,
  ],
  exports: [SessionTrainerRepository],
})
export class SchedulingModule {}
