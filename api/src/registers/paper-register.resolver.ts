import { Mutation, Query, Resolver } from '@nestjs/graphql';
import { MAX_REGISTER_IMPORT_CHARACTERS, Role } from '@lh/domain';
import { CurrentViewer, Roles } from '../common/access.decorators';
import { IdArg } from '../common/ids';
import { ReasonArg, TextArg } from '../common/text-arg';
import type { Viewer } from '../common/viewer';
import { PaperRegisterService } from './paper-register.service';
import { RegisterImportService } from './register-import.service';
import {
  RegisterFileType,
  RegisterImportPreviewType,
  RegisterImportResultType,
  SessionRegistersType,
  SignInSheetFileType,
} from './paper-register.types';

const CsvArg = () =>
  TextArg('csv', {
    maxLength: MAX_REGISTER_IMPORT_CHARACTERS,
    message: `The file is too large: a register file can be at most ${MAX_REGISTER_IMPORT_CHARACTERS / 1000} KB`,
  });

/** Paper registers, for a session's trainers and coordinators: the sign-in sheet, the register file, uploading it filled in. */
@Resolver(() => SessionRegistersType)
export class PaperRegisterResolver {
  constructor(
    private readonly paper: PaperRegisterService,
    private readonly imports: RegisterImportService,
  ) {}

  @Roles(Role.TRAINER, Role.COORDINATOR)
  @Query(() => SessionRegistersType, { description: "A session's registers, part by part: whether each can be changed now." })
  sessionRegisters(@CurrentViewer() viewer: Viewer, @IdArg('sessionId') sessionId: string): Promise<SessionRegistersType> {
    return this.paper.sessionRegisters(viewer, sessionId);
  }

  @Roles(Role.TRAINER, Role.COORDINATOR)
  @Query(() => SignInSheetFileType, { description: 'A printable A4 sign-in sheet (PDF) of everyone with a confirmed place.' })
  signInSheet(@CurrentViewer() viewer: Viewer, @IdArg('sessionId') sessionId: string): Promise<SignInSheetFileType> {
    return this.paper.signInSheet(viewer, sessionId);
  }

  @Roles(Role.TRAINER, Role.COORDINATOR)
  @Query(() => RegisterFileType, { description: 'The register as a CSV file with the current marks, to fill in and upload.' })
  registerFile(@CurrentViewer() viewer: Viewer, @IdArg('sessionId') sessionId: string): Promise<RegisterFileType> {
    return this.paper.registerFile(viewer, sessionId);
  }

  @Roles(Role.TRAINER, Role.COORDINATOR)
  @Query(() => RegisterImportPreviewType, {
    description: 'What applying this filled-in register file would change, row by row; writes nothing.',
  })
  previewRegisterImport(
    @CurrentViewer() viewer: Viewer,
    @IdArg('sessionId') sessionId: string,
    @CsvArg() csv: string,
  ): Promise<RegisterImportPreviewType> {
    return this.imports.preview(viewer, sessionId, csv);
  }

  @Roles(Role.TRAINER, Role.COORDINATOR)
  @Mutation(() => RegisterImportResultType, {
    description:
      'Applies a filled-in register file in one transaction; nothing when a row has a problem. The same file twice changes nothing the second time.',
  })
  applyRegisterImport(
    @CurrentViewer() viewer: Viewer,
    @IdArg('sessionId') sessionId: string,
    @CsvArg() csv: string,
    @ReasonArg() reason: string | null,
  ): Promise<RegisterImportResultType> {
    return this.imports.apply(viewer, sessionId, csv, reason?.trim() || null);
  }
}
