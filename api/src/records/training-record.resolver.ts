import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { MAX_ELEARNING_IMPORT_CHARACTERS, Role } from '@lh/domain';
import { CurrentViewer, Roles, SignedIn } from '../common/access.decorators';
import { IdArg } from '../common/ids';
import { TextArg } from '../common/text-arg';
import type { Viewer } from '../common/viewer';
import { ElearningImportService } from './e-learning-import.service';
import { ElearningImportPreviewType, ElearningImportResultType } from './e-learning-import.types';
import { ExternalLearningReviewService } from './external-learning-review.service';
import { ExternalLearningService } from './external-learning.service';
import { TrainingRecordService } from './training-record.service';
import { DownloadFileType } from '../exports/download-file.types';
import { ExternalLearningType, TrainingRecordType } from './training-record.types';
import { SubmitExternalLearningInput } from './dto/external-learning.inputs';

const CsvArg = () =>
  TextArg('csv', {
    maxLength: MAX_ELEARNING_IMPORT_CHARACTERS,
    message: `The file is too large: an e-learning export can be at most ${MAX_ELEARNING_IMPORT_CHARACTERS / 1000} KB`,
  });

/**
 * Training records: a person's record and its files (for the person, coordinators and their agency's lead:
 * RecordAccess decides, anyone else is told there is no such record), learning done elsewhere and its
 * evidence, coordinators' checking of it, and importing e-learning completions.
 */
@Resolver()
export class TrainingRecordResolver {
  constructor(
    private readonly records: TrainingRecordService,
    private readonly external: ExternalLearningService,
    private readonly review: ExternalLearningReviewService,
    private readonly elearning: ElearningImportService,
  ) {}

  @SignedIn()
  @Query(() => TrainingRecordType, { description: "A person's training record: the viewer's own, or one they may see." })
  trainingRecord(@CurrentViewer() viewer: Viewer, @IdArg('personId') personId: string): Promise<TrainingRecordType> {
    return this.records.record(viewer, personId);
  }

  @SignedIn()
  @Query(() => DownloadFileType, { description: 'The training record as CSV.' })
  trainingRecordCsv(@CurrentViewer() viewer: Viewer, @IdArg('personId') personId: string): Promise<DownloadFileType> {
    return this.records.csv(viewer, personId);
  }

  @SignedIn()
  @Query(() => DownloadFileType, { description: 'The training record as an A4 PDF.' })
  trainingRecordPdf(@CurrentViewer() viewer: Viewer, @IdArg('personId') personId: string): Promise<DownloadFileType> {
    return this.records.pdf(viewer, personId);
  }

  @SignedIn()
  @Mutation(() => ExternalLearningType, {
    description: 'Adds learning done elsewhere, with its evidence, to the viewer’s own record; it waits for a coordinator.',
  })
  submitExternalLearning(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: SubmitExternalLearningInput,
  ): Promise<ExternalLearningType> {
    return this.external.submit(viewer, input);
  }

  @SignedIn()
  @Query(() => DownloadFileType, { description: 'The evidence file of learning done elsewhere, for those who may see the record.' })
  externalLearningEvidence(@CurrentViewer() viewer: Viewer, @IdArg('id') id: string): Promise<DownloadFileType> {
    return this.external.evidence(viewer, id);
  }

  @Roles(Role.COORDINATOR)
  @Query(() => [ExternalLearningType], { description: 'Learning done elsewhere waiting to be checked, oldest first.' })
  externalLearningWaiting(@CurrentViewer() viewer: Viewer): Promise<ExternalLearningType[]> {
    return this.review.waiting(viewer);
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => ExternalLearningType, {
    description: 'The evidence was seen: it becomes a completion on the record, and the person is told.',
  })
  verifyExternalLearning(@CurrentViewer() viewer: Viewer, @IdArg('id') id: string): Promise<ExternalLearningType> {
    return this.review.verify(viewer, id);
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => ExternalLearningType, { description: 'Not accepted, with the reason the person is told.' })
  rejectExternalLearning(
    @CurrentViewer() viewer: Viewer,
    @IdArg('id') id: string,
    @TextArg('reason', { maxLength: 500, message: 'The reason must be 500 characters or fewer' }) reason: string,
  ): Promise<ExternalLearningType> {
    return this.review.reject(viewer, id, reason);
  }

  @Roles(Role.COORDINATOR)
  @Query(() => ElearningImportPreviewType, { description: 'What importing this e-learning export would do, row by row; writes nothing.' })
  elearningImportPreview(@CurrentViewer() viewer: Viewer, @CsvArg() csv: string): Promise<ElearningImportPreviewType> {
    return this.elearning.preview(viewer, csv);
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => ElearningImportResultType, {
    description: 'Records the good rows of an e-learning export as completions, in one transaction; duplicates are never added.',
  })
  importElearningCompletions(@CurrentViewer() viewer: Viewer, @CsvArg() csv: string): Promise<ElearningImportResultType> {
    return this.elearning.confirm(viewer, csv);
  }
}
