import { Module } from '@nestjs/common';
import { BookingModule } from '../booking/booking.module';
import { SchedulingModule } from '../scheduling/scheduling.module';
import { AttendanceOutcomes } from './attendance-outcomes';
import { AttendanceHistoryService } from './attendance-history.service';
import { AttendanceRepository } from './attendance.repository';
import { PaperRegisterResolver } from './paper-register.resolver';
import { PaperRegisterService } from './paper-register.service';
import { RegisterImportService } from './register-import.service';
import { RegisterAccess } from './register-access';
import { RegisterResolver } from './register.resolver';
import { RegisterService } from './register.service';
import { RegisterSignOffService } from './register-sign-off.service';
import { RegisterView } from './register-view';
import { TrainerSessionsResolver } from './trainer-sessions.resolver';
import { TrainerSessionsService } from './trainer-sessions.service';

/** Registers: trainers' sessions, taking attendance, sign-off and corrections, and what follows from them. */
@Module({
  imports: [BookingModule, SchedulingModule],
  providers: [
    AttendanceRepository,
    AttendanceOutcomes,
    RegisterAccess,
    RegisterView,
    RegisterService,
    RegisterSignOffService,
    AttendanceHistoryService,
    RegisterResolver,
    PaperRegisterService,
    RegisterImportService,
    PaperRegisterResolver,
    TrainerSessionsService,
    TrainerSessionsResolver,
  ],
  exports: [AttendanceRepository, AttendanceOutcomes, RegisterAccess, RegisterService, TrainerSessionsService],
})
export class RegistersModule {}
