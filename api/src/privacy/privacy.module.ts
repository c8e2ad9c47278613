import { Module } from '@nestjs/common';
import { RecordsModule } from '../records/records.module';
import { PersonErasureService } from './person-erasure.service';
import { PersonalDataResolver } from './personal-data.resolver';
import { PersonalDataService } from './personal-data.service';
import { RetentionService } from './retention.service';

/** UK GDPR: subject access (everything held about a person, as JSON and a readable page) erasure, and retention. */
@Module({ imports: [RecordsModule], providers: [PersonalDataService, PersonErasureService, RetentionService, PersonalDataResolver] })
export class PrivacyModule {}
