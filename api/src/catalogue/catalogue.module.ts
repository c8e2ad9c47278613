import { Module } from '@nestjs/common';
import { BookingModule } from '../booking/booking.module';
import { CourseInterestModule } from '../course-interest/course-interest.module';
import { CatalogueResolver } from './catalogue.resolver';
import { CatalogueService } from './catalogue.service';
import { CourseAdminResolver } from './course-admin.resolver';
import { CourseAdminService } from './course-admin.service';

@Module({
  imports: [BookingModule, CourseInterestModule],
  providers: [CatalogueService, CatalogueResolver, CourseAdminService, CourseAdminResolver],
})
export class CatalogueModule {}
