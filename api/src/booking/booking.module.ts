import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { BookingMailer } from './booking-mailer';
import { BookingResolver } from './booking.resolver';
import { BookingService } from './booking.service';
import { CourseBookingResolver } from './course-booking.resolver';

@Module({
  imports: [NotificationsModule],
  providers: [BookingService, BookingMailer, BookingResolver, CourseBookingResolver],
  exports: [BookingService],
})
export class BookingModule {}
