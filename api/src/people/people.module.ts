import { Module } from '@nestjs/common';
import { ProfileResolver } from './profile.resolver';
import { ProfileService } from './profile.service';

/** People: each person's own profile (accounts and people management grow here). */
@Module({ providers: [ProfileService, ProfileResolver] })
export class PeopleModule {}
