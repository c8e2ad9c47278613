import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { ApprovalResolver } from './approval.resolver';
import { ApprovalService } from './approval.service';
import { BookingChanges } from './booking-changes';
import { BookingMailer } from './booking-mailer';
import { BookingQueries } from './booking-queries.service';
import { BookingRepository } from './booking.repository';
import { BookingResolver } from './booking.resolver';
import { BookingService } from './booking.service';
import { CourseBookingResolver } from './course-booking.resolver';
import { SessionBookingsResolver } from './session-bookings.resolver';
import { SessionBookingsService } from './session-bookings.service';
import { WaitingListService } from './waiting-list.service';

/**
 * Bookings, split along who uses them: practitioners (BookingService), the training team on one
 * session (SessionBookingsService), line managers (ApprovalService), the waiting-list engine and its
 * job (WaitingListService), reads (BookingQueries); one repository of shared queries and one way
 * changes are recorded and mailed (BookingChanges). Scheduling and the catalogue use what is exported.
 */
@Module({
  imports: [NotificationsModule],
  providers: [
    BookingRepository,
    BookingChanges,
    BookingMailer,
    BookingQueries,
    WaitingListService,
    BookingService,
    SessionBookingsService,
    ApprovalService,
    BookingResolver,
    SessionBookingsResolver,
    ApprovalResolver,
    CourseBookingResolver,
  ],
  exports: [BookingRepository, BookingChanges, BookingMailer, BookingQueries, SessionBookingsService, WaitingListService],
})
export class BookingModule {}
