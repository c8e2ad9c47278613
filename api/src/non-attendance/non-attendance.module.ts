import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { ChargeWaiverService } from './charge-waiver.service';
import { NonAttendanceCharges } from './non-attendance-charges';
import { NonAttendanceListService } from './non-attendance-list.service';
import { NonAttendanceMailer } from './non-attendance-mailer';
import { NonAttendancePolicyService } from './non-attendance-policy.service';
import { NonAttendanceRepository } from './non-attendance.repository';
import { NonAttendanceResolver } from './non-attendance.resolver';

/**
 * Non-attendance: the policy per agency type (coordinators), charges and the did-not-attend mail when
 * outcomes are decided (NonAttendanceCharges, exported for the registers' AttendanceOutcomes), the
 * coordinators' list, its CSV and waiving a charge.
 */
@Module({
  imports: [NotificationsModule],
  providers: [
    NonAttendanceRepository,
    NonAttendanceMailer,
    NonAttendanceCharges,
    NonAttendancePolicyService,
    NonAttendanceListService,
    ChargeWaiverService,
    NonAttendanceResolver,
  ],
  exports: [NonAttendanceCharges, NonAttendanceRepository],
})
export class NonAttendanceModule {}
