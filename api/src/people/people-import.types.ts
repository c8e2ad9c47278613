import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Role } from '../common/graphql-enums';

export enum ImportRowOutcome {
  CREATE = 'CREATE',
  SKIP = 'SKIP',
  ERROR = 'ERROR',
}
registerEnumType(ImportRowOutcome, {
  name: 'ImportRowOutcome',
  description: 'CREATE: will be added; SKIP: already has an account, left out; ERROR: has a problem to fix.',
});

@ObjectType('ImportRow')
export class ImportRowType {
  @Field(() => Int, { description: 'The line in the file (the header is line 1).' }) line!: number;
  @Field(() => String) name!: string;
  @Field(() => String) email!: string;
  @Field(() => String) agency!: string;
  @Field(() => String) jobTitle!: string;
  @Field(() => String) team!: string;
  @Field(() => [Role]) roles!: Role[];
  @Field(() => ImportRowOutcome) outcome!: ImportRowOutcome;
  @Field(() => [String]) problems!: string[];
}

@ObjectType('ImportPreview', { description: 'What importing a file will do; nothing has been written.' })
export class ImportPreviewType {
  @Field(() => String, { nullable: true, description: 'Why the file cannot be read at all (no rows are given then).' })
  fileProblem!: string | null;
  @Field(() => [ImportRowType]) rows!: ImportRowType[];
  @Field(() => Int) toCreate!: number;
  @Field(() => Int) skipped!: number;
  @Field(() => Int) withErrors!: number;
}

@ObjectType('ImportResult')
export class ImportResultType {
  @Field(() => Int) created!: number;
  @Field(() => Int) skipped!: number;
  @Field(() => Int, { description: 'Rows with problems left out (only when importing the good rows was chosen).' }) leftOut!: number;
  @Field(() => Int) invited!: number;
}
