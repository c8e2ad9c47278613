import { Module, forwardRef } from '@nestjs/common';
import { CertificatesModule } from '../certificates/certificates.module';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { NotificationsModule } from '../notifications/notifications.module';
import { ElearningImportService } from './e-learning-import.service';
import { EVIDENCE_STORE, evidenceStores } from './evidence-store';
import { ExternalLearningReviewService } from './external-learning-review.service';
import { ExternalLearningService } from './external-learning.service';
import { RecordAccess } from './record-access';
import { SessionCompletions } from './session-completions';
import { TrainingCompletionRepository } from './training-completion.repository';
import { TrainingRecordResolver } from './training-record.resolver';
import { TrainingRecordService } from './training-record.service';

/**
 * Training records: completions (the one fact of "completed this learning", kept in step with the
 * registers' outcomes by SessionCompletions, exported for the registers' AttendanceOutcomes), and
 * RecordAccess, the one check of who may see a person's record; the record itself with its PDF and CSV,
 * learning done elsewhere with evidence files (kept where EVIDENCE_STORE says), and e-learning imports.
 */
@Module({
  // certificates need RecordAccess, the record prints certificate codes: each module imports the other
  imports: [NotificationsModule, forwardRef(() => CertificatesModule)],
  providers: [
    RecordAccess,
    SessionCompletions,
    TrainingCompletionRepository,
    TrainingRecordService,
    ExternalLearningService,
    ExternalLearningReviewService,
    ElearningImportService,
    TrainingRecordResolver,
    { provide: EVIDENCE_STORE, inject: [APP_CONFIG], useFactory: (config: AppConfig) => evidenceStores(config) },
  ],
  exports: [RecordAccess, SessionCompletions, TrainingCompletionRepository, EVIDENCE_STORE],
})
export class RecordsModule {}
