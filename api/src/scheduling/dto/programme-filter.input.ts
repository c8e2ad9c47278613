import { Field, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsInt, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import { DateField } from '../../common/date-field';
import { CourseFormat, SessionStatus } from '../../common/graphql-enums';
import { TrimToNull } from '../../common/input-transforms';

export enum ProgrammeSort {
  /** Soonest first. */
  DATE = 'DATE',
  /** Emptiest first: places held ÷ places, then soonest. */
  FILL = 'FILL',
}
registerEnumType(ProgrammeSort, { name: 'ProgrammeSort' });

/** Which sessions the programme lists: every field optional; dates are London dates, both included. */
@InputType()
export class ProgrammeFilterInput {
  @Field(() => String, { nullable: true, description: "Words in the course's title." })
  @TrimToNull()
  @IsOptional()
  @IsString({ message: 'Search for words in the course title' })
  @MaxLength(200, { message: 'Search for 200 characters or fewer' })
  text?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Choose a course from the list' })
  courseId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Choose a priority area from the list' })
  priorityAreaId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Choose a venue from the list' })
  venueId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Choose a trainer from the list' })
  trainerId?: string | null;

  @Field(() => CourseFormat, { nullable: true })
  @IsOptional()
  @IsEnum(CourseFormat, { message: 'Choose a format from the list' })
  format?: CourseFormat | null;

  @DateField('The from date', 'First London date, YYYY-MM-DD (default: today, unless a to date is given).')
  from?: string | null;

  @DateField('The to date', 'Last London date, YYYY-MM-DD (included).')
  to?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Only sessions with someone on the waiting list.' })
  @IsOptional()
  @IsBoolean({ message: 'Say whether to show only sessions with a waiting list' })
  withWaitingList?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: "Only sessions with bookings waiting for a line manager's approval." })
  @IsOptional()
  @IsBoolean({ message: 'Say whether to show only sessions with approvals waiting' })
  withApprovalsWaiting?: boolean | null;

  @Field(() => SessionStatus, { nullable: true, description: 'Only scheduled, or only cancelled, sessions (default: both).' })
  @IsOptional()
  @IsEnum(SessionStatus, { message: 'Choose scheduled or cancelled sessions from the list' })
  status?: SessionStatus | null;

  @Field(() => ProgrammeSort, { nullable: true, description: 'Default: by date.' })
  @IsOptional()
  @IsEnum(ProgrammeSort, { message: 'Sort by date or by how full sessions are' })
  sort?: ProgrammeSort | null;

  @Field(() => Int, { nullable: true, description: 'From 1; 25 sessions a page.' })
  @IsOptional()
  @IsInt({ message: 'The page must be a whole number' })
  @Min(1, { message: 'The page must be 1 or more' })
  page?: number | null;
}
