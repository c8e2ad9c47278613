import { Module } from '@nestjs/common';
import { AgencyAdminResolver } from './agency-admin.resolver';
import { AgencyAdminService } from './agency-admin.service';
import { AgencyMergeService } from './agency-merge.service';
import { AgencyRepository } from './agency.repository';
import { ProfileResolver } from './profile.resolver';
import { ProfileService } from './profile.service';

/** People: each person's own profile, and coordinators' management of agencies (accounts and people management grow here). */
@Module({
  providers: [ProfileService, ProfileResolver, AgencyRepository, AgencyAdminService, AgencyMergeService, AgencyAdminResolver],
  exports: [AgencyRepository],
})
export class PeopleModule {}
