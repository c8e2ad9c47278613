import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Role } from '@lh/domain';
import { CurrentViewer, Roles } from '../common/access.decorators';
import { TextArg } from '../common/text-arg';
import type { Viewer } from '../common/viewer';
import { MAX_IMPORT_CHARACTERS, PeopleImportService } from './people-import.service';
import { ImportPreviewType, ImportResultType } from './people-import.types';

const CsvArg = () =>
  TextArg('csv', { maxLength: MAX_IMPORT_CHARACTERS, message: 'The file is too large: import at most 1000 people at a time' });

/** Coordinators importing people from a CSV file: a preview, then the import. */
@Resolver(() => ImportPreviewType)
export class PeopleImportResolver {
  constructor(private readonly imports: PeopleImportService) {}

  @Roles(Role.COORDINATOR)
  @Query(() => ImportPreviewType, { description: 'What importing this CSV text would do, row by row; writes nothing.' })
  peopleImportPreview(@CurrentViewer() viewer: Viewer, @CsvArg() csv: string): Promise<ImportPreviewType> {
    return this.imports.preview(viewer, csv);
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => ImportResultType, {
    description: 'Adds the people in the CSV text in one transaction; nothing when a row has a problem, unless onlyGoodRows.',
  })
  importPeople(
    @CurrentViewer() viewer: Viewer,
    @CsvArg() csv: string,
    @Args('onlyGoodRows', { type: () => Boolean, defaultValue: false }) onlyGoodRows: boolean,
    @Args('sendInvitations', { type: () => Boolean, defaultValue: false }) sendInvitations: boolean,
  ): Promise<ImportResultType> {
    return this.imports.importPeople(viewer, csv, { onlyGoodRows, sendInvitations });
  }
}
