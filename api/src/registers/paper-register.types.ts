import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { AttendanceMark } from '../common/graphql-enums';
import { RegisterWindowStateEnum } from './registers.types';

@ObjectType('SessionRegisterPart', { description: "One part's register as the paper-register pages need it." })
export class SessionRegisterPartType {
  @Field(() => ID) partId!: string;
  @Field(() => Int) partNumber!: number;
  @Field() startsAt!: Date;
  @Field() endsAt!: Date;
  @Field(() => RegisterWindowStateEnum) windowState!: keyof typeof RegisterWindowStateEnum;
  @Field({ description: 'Whether the viewer can change marks on it now.' }) canMark!: boolean;
  @Field({ description: "The viewer's changes now are corrections (after sign-off or after it closed): they need a reason." })
  changesNeedReason!: boolean;
  @Field() signedOff!: boolean;
}

@ObjectType('SessionRegisters', {
  description: "A session's registers, for its trainers and coordinators: the sign-in sheet and register file.",
})
export class SessionRegistersType {
  @Field(() => ID) sessionId!: string;
  @Field() courseTitle!: string;
  @Field() startsAt!: Date;
  @Field() endsAt!: Date;
  @Field() cancelled!: boolean;
  @Field(() => Int, { description: 'Confirmed places: the people on the registers.' }) confirmed!: number;
  @Field(() => [SessionRegisterPartType]) parts!: SessionRegisterPartType[];
}

@ObjectType('SignInSheetFile', { description: 'A printable sign-in sheet (PDF).' })
export class SignInSheetFileType {
  @Field(() => String, { description: 'A file name made from the course title and date, ending in .pdf.' }) fileName!: string;
  @Field(() => String, { description: 'The PDF, base64-encoded.' }) base64!: string;
  @Field(() => Int) pageCount!: number;
}

@ObjectType('RegisterFile', { description: "A session's register as a CSV file to fill in and upload again." })
export class RegisterFileType {
  @Field(() => String, { description: 'A file name made from the course title and date, ending in .csv.' }) fileName!: string;
  @Field(() => String, { description: 'The CSV text: Email, Name, Agency, then a column per part with the current marks.' })
  content!: string;
}

export enum RegisterImportRowOutcome {
  CHANGE = 'CHANGE',
  NO_CHANGE = 'NO_CHANGE',
  ERROR = 'ERROR',
}
registerEnumType(RegisterImportRowOutcome, {
  name: 'RegisterImportRowOutcome',
  description: 'CHANGE: marks will change; NO_CHANGE: nothing to change; ERROR: has a problem to fix.',
});

@ObjectType('RegisterImportChange', { description: 'One mark a register file changes: old and new.' })
export class RegisterImportChangeType {
  @Field(() => Int) partNumber!: number;
  @Field(() => AttendanceMark, { nullable: true, description: 'The mark now (null: not marked).' }) fromMark!: AttendanceMark | null;
  @Field(() => Int, { nullable: true }) fromMinutes!: number | null;
  @Field(() => AttendanceMark) toMark!: AttendanceMark;
  @Field(() => Int, { nullable: true }) toMinutes!: number | null;
  @Field({ description: 'A correction to a signed-off or closed register (coordinators only, with a reason).' }) correction!: boolean;
}

@ObjectType('RegisterImportRow')
export class RegisterImportRowType {
  @Field(() => Int, { description: 'The line in the file (the header is line 1).' }) line!: number;
  @Field(() => String) email!: string;
  @Field(() => String, { description: "The name on the register (the file's own when nobody booked has the address)." }) name!: string;
  @Field(() => RegisterImportRowOutcome) outcome!: RegisterImportRowOutcome;
  @Field(() => [RegisterImportChangeType]) changes!: RegisterImportChangeType[];
  @Field(() => [String]) problems!: string[];
}

@ObjectType('RegisterImportPreview', { description: 'What applying a filled-in register file will change; nothing has been written.' })
export class RegisterImportPreviewType {
  @Field(() => String, { nullable: true, description: 'Why the file cannot be read at all (no rows are given then).' })
  fileProblem!: string | null;
  @Field(() => [RegisterImportRowType]) rows!: RegisterImportRowType[];
  @Field(() => Int, { description: 'Marks that will change.' }) changes!: number;
  @Field(() => Int) rowsWithChanges!: number;
  @Field(() => Int) unchanged!: number;
  @Field(() => Int) withErrors!: number;
  @Field({ description: 'Some changes are corrections: applying needs a reason.' }) needsReason!: boolean;
}

@ObjectType('RegisterImportResult')
export class RegisterImportResultType {
  @Field(() => Int, { description: 'Marks changed.' }) changed!: number;
  @Field(() => Int, { description: 'People whose marks changed.' }) people!: number;
  @Field(() => Int, { description: 'Of the marks changed, corrections to signed-off or closed registers.' }) corrections!: number;
}
