import { Module } from '@nestjs/common';
import { RecordAccess } from './record-access';
import { SessionCompletions } from './session-completions';
import { TrainingCompletionRepository } from './training-completion.repository';

/**
 * Training records: completions (the one fact of "completed this learning", kept in step with the
 * registers' outcomes by SessionCompletions, exported for the registers' AttendanceOutcomes), and
 * RecordAccess, the one check of who may see a person's record.
 */
@Module({
  providers: [RecordAccess, SessionCompletions, TrainingCompletionRepository],
  exports: [RecordAccess, SessionCompletions, TrainingCompletionRepository],
})
export class RecordsModule {}
