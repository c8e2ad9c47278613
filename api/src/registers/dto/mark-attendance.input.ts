import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsEnum, IsInt, IsOptional, IsUUID, MaxLength } from 'class-validator';
import { AttendanceMark } from '../../common/graphql-enums';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || null : value);

@InputType()
export class MarkAttendanceInput {
  @Field(() => ID, { description: 'Made by the device for this mark: a retried or replayed mark with the same id never counts twice.' })
  @IsUUID('all', { message: 'The mark could not be read: reload the register and mark again' })
  clientId!: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'Choose a part of the session' })
  partId!: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'Choose a person on the register' })
  bookingId!: string;

  @Field(() => AttendanceMark, { nullable: true, description: 'Null takes a mark back.' })
  @IsOptional()
  @IsEnum(AttendanceMark, { message: 'Choose present, late, left early, absent with apology or did not attend' })
  mark?: AttendanceMark | null;

  @Field(() => Int, { nullable: true, description: 'Minutes late or left early.' })
  @IsOptional()
  @IsInt({ message: 'Enter the minutes as a whole number' })
  minutes?: number | null;

  @Field(() => String, { nullable: true })
  @Transform(trimmed)
  @IsOptional()
  @MaxLength(500, { message: 'The note must be 500 characters or fewer' })
  note?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "The current mark's eventId the device last saw (null: it saw none). A different current mark is a conflict.",
  })
  @IsOptional()
  @IsUUID('all', { message: 'The mark could not be read: reload the register and mark again' })
  basedOnEventId?: string | null;

  @Field(() => String, { nullable: true, description: 'Why: required for a correction (after sign-off or after the register closed).' })
  @Transform(trimmed)
  @IsOptional()
  @MaxLength(500, { message: 'The reason must be 500 characters or fewer' })
  reason?: string | null;
}

@InputType()
export class MarkAllPresentInput {
  @Field(() => ID, { description: 'Made by the device: sending it again marks nobody twice.' })
  @IsUUID('all', { message: 'The request could not be read: reload the register and try again' })
  clientId!: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'Choose a part of the session' })
  partId!: string;
}
