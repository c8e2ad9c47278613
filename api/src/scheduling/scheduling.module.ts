import { Module } from '@nestjs/common';
import { BookingModule } from '../booking/booking.module';
import { CourseInterestModule } from '../course-interest/course-interest.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { RegistrationModule } from '../registration/registration.module';
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
import { ProgrammeResolver } from './programme.resolver';
import { ProgrammeService } from './programme.service';
import { SessionCopyService } from './session-copy.service';
import { TrainingTeamQueueService } from './training-team-queue.service';

@Module({
  imports: [BookingModule, NotificationsModule, RegistrationModule, CourseInterestModule],
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
    ProgrammeService,
    TrainingTeamQueueService,
    SessionCopyService,
    ProgrammeResolver,
  ],
  exports: [SessionTrainerRepository],
})
export class SchedulingModule {}
