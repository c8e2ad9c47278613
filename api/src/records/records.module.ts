import { Module } from '@nestjs/common';
import { SessionCompletions } from './session-completions';
import { TrainingCompletionRepository } from './training-completion.repository';

/**
 * Training records: completions (the one fact of "completed this learning", kept in step with the
 * registers' outcomes by SessionCompletions, exported for the registers' AttendanceOutcomes).
 */
@Module({
  providers: [SessionCompletions, TrainingCompletionRepository],
  exports: [SessionCompletions, TrainingCompletionRepository],
})
export class RecordsModule {}
