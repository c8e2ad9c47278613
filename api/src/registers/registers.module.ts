import { Module } from '@nestjs/common';
import { BookingModule } from '../booking/booking.module';
import { SchedulingModule } from '../scheduling/scheduling.module';
import { AuthModule } from '../auth/auth.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { PeopleModule } from '../people/people.module';
import { NonAttendanceModule } from '../non-attendance/non-attendance.module';
import { RecordsModule } from '../records/records.module';
import { CertificatesModule } from '../certificates/certificates.module';
import { AttendanceHistoryService } from './attendance-history.service';
import { AttendanceOutcomes } from './attendance-outcomes';
import { SurveysModule } from '../surveys/surveys.module';
import { AttendanceRepository } from './attendance.repository';
import { CheckInCodes } from './check-in-codes';
import { CheckInScreenService } from './check-in-screen.service';
import { CheckInResolver } from './check-in.resolver';
import { CheckInService } from './check-in.service';
import { PaperRegisterResolver } from './paper-register.resolver';
import { PaperRegisterService } from './paper-register.service';
import { RegisterAccess } from './register-access';
import { RegisterImportService } from './register-import.service';
import { RegisterSignOffService } from './register-sign-off.service';
import { RegisterView } from './register-view';
import { RegisterResolver } from './register.resolver';
import { RegisterService } from './register.service';
import { TrainerSessionsResolver } from './trainer-sessions.resolver';
import { TrainerSessionsService } from './trainer-sessions.service';
import { WalkInAccounts } from './walk-in-accounts';
import { WalkInResolver } from './walk-in.resolver';
import { WalkInService } from './walk-in.service';

/** Registers: trainers' sessions, taking attendance, sign-off and corrections, and what follows from them. */
@Module({
  imports: [
    BookingModule,
    SchedulingModule,
    AuthModule,
    NotificationsModule,
    PeopleModule,
    NonAttendanceModule,
    RecordsModule,
    CertificatesModule,
    SurveysModule,
  ],
  providers: [
    AttendanceHistoryService,
    AttendanceOutcomes,
    AttendanceRepository,
    CheckInCodes,
    CheckInScreenService,
    CheckInResolver,
    CheckInService,
    PaperRegisterResolver,
    PaperRegisterService,
    RegisterAccess,
    RegisterImportService,
    RegisterSignOffService,
    RegisterView,
    RegisterResolver,
    RegisterService,
    TrainerSessionsResolver,
    TrainerSessionsService,
    WalkInAccounts,
    WalkInResolver,
    WalkInService,
  ],
  exports: [AttendanceRepository, AttendanceOutcomes, RegisterAccess, RegisterService, TrainerSessionsService],
})
export class RegistersModule {}
