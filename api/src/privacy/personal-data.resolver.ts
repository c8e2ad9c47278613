import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Role } from '@lh/domain';
import { CurrentViewer, Roles, SignedIn } from '../common/access.decorators';
import { MAX_REASON_LENGTH, TextArg } from '../common/text-arg';
import { IdArg } from '../common/ids';
import type { Viewer } from '../common/viewer';
import { DownloadFileType } from '../exports/download-file.types';
import { PersonErasureService } from './person-erasure.service';
import { RetentionService } from './retention.service';
import { RetentionPlanType } from './retention.types';
import { PersonalDataService } from './personal-data.service';
import { PersonalDataFormat, PersonalDataSummaryType } from './personal-data.types';

/** Subject access: what is held about a person (their own, or anyone's for a coordinator), and all of it as a file; erasure. */
@Resolver()
export class PersonalDataResolver {
  constructor(
    private readonly personalData: PersonalDataService,
    private readonly erasure: PersonErasureService,
    private readonly retention: RetentionService,
  ) {}

  @Roles(Role.COORDINATOR)
  @Query(() => RetentionPlanType, { description: 'What the next nightly retention run would do (the dry run).' })
  retentionPlan(@CurrentViewer() viewer: Viewer): Promise<RetentionPlanType> {
    return this.retention.plan(viewer);
  }

  @SignedIn()
  @Query(() => PersonalDataSummaryType, { description: 'What Learning Hub holds about a person, section by section.' })
  personalDataSummary(@CurrentViewer() viewer: Viewer, @IdArg('personId') personId: string): Promise<PersonalDataSummaryType> {
    return this.personalData.summary(viewer, personId);
  }

  @SignedIn()
  @Query(() => DownloadFileType, { description: 'All personal data held about a person, as JSON or as a readable HTML page.' })
  personalDataFile(
    @CurrentViewer() viewer: Viewer,
    @IdArg('personId') personId: string,
    @Args('format', { type: () => PersonalDataFormat }) format: PersonalDataFormat,
  ): Promise<DownloadFileType> {
    return this.personalData.file(viewer, personId, format);
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => Boolean, {
    description:
      "Erases a person's personal data at their request (their account deactivated first); their bookings and marks stay, without identity.",
  })
  async erasePerson(
    @CurrentViewer() viewer: Viewer,
    @IdArg('personId') personId: string,
    @TextArg('reason', { maxLength: MAX_REASON_LENGTH, message: `The reason must be ${MAX_REASON_LENGTH} characters or fewer` })
    reason: string,
  ): Promise<boolean> {
    await this.erasure.erase(viewer, personId, reason);
    return true;
  }
}
