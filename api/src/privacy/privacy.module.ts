import { Module } from '@nestjs/common';
import { PersonalDataResolver } from './personal-data.resolver';
import { PersonalDataService } from './personal-data.service';

/** UK GDPR: subject access (everything held about a person, as JSON and a readable page). */
@Module({ providers: [PersonalDataService, PersonalDataResolver] })
export class PrivacyModule {}
