import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export const ElearningRowOutcome = { ADD: 'ADD', DUPLICATE: 'DUPLICATE', ERROR: 'ERROR' } as const;
export type ElearningRowOutcome = (typeof ElearningRowOutcome)[keyof typeof ElearningRowOutcome];
registerEnumType(ElearningRowOutcome, {
  name: 'ElearningRowOutcome',
  description: 'ADD: will be recorded; DUPLICATE: already recorded (or repeated in the file), left out; ERROR: has problems, left out.',
});

@ObjectType('ElearningImportRow')
export class ElearningImportRowType {
  @Field(() => Int) line!: number;
  @Field(() => String) email!: string;
  @Field(() => String) course!: string;
  @Field(() => String) completed!: string;
  @Field(() => String, { nullable: true }) personName!: string | null;
  @Field(() => String, { nullable: true }) courseTitle!: string | null;
  @Field(() => String, { nullable: true }) completedOn!: string | null;
  @Field(() => Int, { nullable: true }) minutes!: number | null;
  @Field(() => ElearningRowOutcome) outcome!: ElearningRowOutcome;
  @Field(() => [String]) problems!: string[];
}

@ObjectType('ElearningImportPreview')
export class ElearningImportPreviewType {
  @Field(() => String, { nullable: true, description: 'Why the file cannot be read at all.' }) fileProblem!: string | null;
  @Field(() => [ElearningImportRowType]) rows!: ElearningImportRowType[];
  @Field(() => Int) toAdd!: number;
  @Field(() => Int) duplicates!: number;
  @Field(() => Int) withErrors!: number;
}

@ObjectType('ElearningImportResult')
export class ElearningImportResultType {
  @Field(() => Int) added!: number;
  @Field(() => Int) duplicates!: number;
  @Field(() => Int) leftOut!: number;
}
