import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { CourseInterestResolver } from './course-interest.resolver';
import { CourseInterestService } from './course-interest.service';

/** "Tell me when new dates are added": requests on courses with no dates, and the one mail when dates come (announce). */
@Module({
  imports: [NotificationsModule],
  providers: [CourseInterestService, CourseInterestResolver],
  exports: [CourseInterestService],
})
export class CourseInterestModule {}
