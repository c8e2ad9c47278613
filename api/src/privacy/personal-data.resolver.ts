import { Args, Query, Resolver } from '@nestjs/graphql';
import { CurrentViewer, SignedIn } from '../common/access.decorators';
import { IdArg } from '../common/ids';
import type { Viewer } from '../common/viewer';
import { DownloadFileType } from '../exports/download-file.types';
import { PersonalDataService } from './personal-data.service';
import { PersonalDataFormat, PersonalDataSummaryType } from './personal-data.types';

/** Subject access: what is held about a person (their own, or anyone's for a coordinator), and all of it as a file. */
@Resolver()
export class PersonalDataResolver {
  constructor(private readonly personalData: PersonalDataService) {}

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
}
