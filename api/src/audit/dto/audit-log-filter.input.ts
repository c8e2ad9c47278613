import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsEnum, IsInt, IsOptional, IsUUID, MaxLength, Min } from 'class-validator';
import { DateField } from '../../common/date-field';
import { AuditAction } from '../../common/graphql-enums';
import { TrimToNull } from '../../common/input-transforms';

/** Which audit entries to list: any of an action, who did it, whom it is about, London dates and words. */
@InputType()
export class AuditLogFilterInput {
  @Field(() => AuditAction, { nullable: true })
  @IsOptional()
  @IsEnum(AuditAction, { message: 'Choose an action from the list' })
  action?: AuditAction | null;

  @Field(() => ID, { nullable: true, description: 'Who did it.' })
  @IsOptional()
  @IsUUID('all', { message: 'Choose who did it from the list' })
  actorId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Whose personal data it is about.' })
  @IsOptional()
  @IsUUID('all', { message: 'Choose the person it is about from the list' })
  subjectPersonId?: string | null;

  @DateField('The from date', 'First London date, YYYY-MM-DD.')
  from?: string | null;

  @DateField('The to date', 'Last London date, YYYY-MM-DD (included).')
  to?: string | null;

  @Field(() => String, { nullable: true, description: "Part of the actor's or the person's name, the reason or the request id." })
  @TrimToNull()
  @IsOptional()
  @MaxLength(200, { message: 'Search for 200 characters or fewer' })
  text?: string | null;

  @Field(() => Int, { nullable: true, description: 'From 1; 25 entries a page.' })
  @IsOptional()
  @IsInt({ message: 'The page must be a whole number' })
  @Min(1, { message: 'The page must be 1 or more' })
  page?: number | null;
}
