import { Module } from '@nestjs/common';
import { RecordsModule } from '../records/records.module';
import { PersonErasureService } from './person-erasure.service';
import { PersonalDataResolver } from './personal-data.resolver';
import { PersonalDataService } from './personal-data.service';

/** UK GDPR: subject access (everything held about a person, as JSON and a readable page) and erasure. */
@Module({ imports: [RecordsModule], providers: [PersonalDataService, PersonErasureService, PersonalDataResolver] })
export class PrivacyModule {}
