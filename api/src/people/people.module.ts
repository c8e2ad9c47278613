import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { BookingModule } from '../booking/booking.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { AgencyAdminResolver } from './agency-admin.resolver';
import { AgencyAdminService } from './agency-admin.service';
import { AgencyMergeService } from './agency-merge.service';
import { AgencyRepository } from './agency.repository';
import { PeopleAdminResolver } from './people-admin.resolver';
import { PeopleAdminService } from './people-admin.service';
import { PeopleImportResolver } from './people-import.resolver';
import { PeopleImportService } from './people-import.service';
import { PersonMergeResolver } from './person-merge.resolver';
import { PersonMergeService } from './person-merge.service';
import { PersonStatusService } from './person-status.service';
import { ProfileResolver } from './profile.resolver';
import { ProfileService } from './profile.service';

/**
 * People: each person's own profile (ProfileService); coordinators managing people: finding,
 * adding, details and roles (PeopleAdminService), deactivating (PersonStatusService), merging two
 * accounts (PersonMergeService) and importing from CSV (PeopleImportService); and agencies
 * (AgencyAdminService, AgencyMergeService).
 */
@Module({
  imports: [AuthModule, BookingModule, NotificationsModule],
  providers: [
    ProfileService,
    ProfileResolver,
    AgencyRepository,
    AgencyAdminService,
    AgencyMergeService,
    AgencyAdminResolver,
    PeopleAdminService,
    PersonStatusService,
    PersonMergeService,
    PeopleImportService,
    PeopleAdminResolver,
    PersonMergeResolver,
    PeopleImportResolver,
  ],
  exports: [AgencyRepository],
})
export class PeopleModule {}
