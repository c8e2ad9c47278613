import { Field, ID, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  type ValidationArguments,
} from 'class-validator';
import { MAX_CERTIFICATE_VALID_MONTHS, MAX_LEVEL, MIN_LEVEL, attendanceRuleProblem, isLearningUrl } from '@lh/domain';
import { AgencySector, AttendanceRule, CourseFormat, Role } from '../../common/graphql-enums';
import { Trim, TrimList, TrimToNull } from '../../common/input-transforms';

export const MIN_DURATION_MINUTES = 15;
export const MAX_DURATION_MINUTES = 4800;
export const MAX_CUTOFF_WORKING_DAYS = 20;
export const CERTIFICATE_MONTHS_PROBLEM = `Enter how many months certificates stay valid as a whole number from 1 to ${MAX_CERTIFICATE_VALID_MONTHS}, or leave it empty if they do not expire`;

/**
 * The share of the time a SHARE_OF_TIME course asks for, checked by `attendanceRuleProblem` with the
 * other field rules, so the form hears about it in the same round as everything else.
 */
const AttendanceShare = () =>
  ValidateBy({
    name: 'attendanceShare',
    validator: {
      validate: (value: unknown, args?: ValidationArguments) => {
        const course = args?.object as CreateCourseInput | undefined;
        if (!course || course.attendanceRule !== AttendanceRule.SHARE_OF_TIME) {
          return true;
        }
        return attendanceRuleProblem({ attendanceRule: course.attendanceRule, attendanceMinimumPercent: Number(value ?? NaN) }) === null;
      },
      defaultMessage: () => attendanceRuleProblem({ attendanceRule: AttendanceRule.SHARE_OF_TIME, attendanceMinimumPercent: NaN })!,
    },
  });

/** Everything a coordinator sets on a course. Empty audience lists mean open to everyone. */
@InputType()
export class CreateCourseInput {
  @Field(() => String)
  @Trim()
  @IsNotEmpty({ message: 'Enter the course title' })
  @MaxLength(200, { message: 'Title must be 200 characters or fewer' })
  title!: string;

  @Field(() => String)
  @Trim()
  @IsNotEmpty({ message: 'Enter a summary of the course' })
  @MaxLength(2000, { message: 'Summary must be 2000 characters or fewer' })
  summary!: string;

  @Field(() => [String], { description: 'What people will learn, one sentence each (blank ones are dropped).' })
  @TrimList()
  @IsArray({ message: 'Learning outcomes must be a list' })
  @ArrayMaxSize(20, { message: 'Give at most 20 learning outcomes' })
  @MaxLength(300, { each: true, message: 'Each learning outcome must be 300 characters or fewer' })
  learningOutcomes!: string[];

  @Field(() => ID)
  @IsUUID('all', { message: 'Choose a priority area' })
  priorityAreaId!: string;

  @Field(() => Int, { description: 'Level 1 (basic awareness) to 4 (specialist).' })
  @IsInt({ message: `Choose a level from ${MIN_LEVEL} to ${MAX_LEVEL}` })
  @Min(MIN_LEVEL, { message: `Choose a level from ${MIN_LEVEL} to ${MAX_LEVEL}` })
  @Max(MAX_LEVEL, { message: `Choose a level from ${MIN_LEVEL} to ${MAX_LEVEL}` })
  level!: number;

  @Field(() => CourseFormat)
  @IsEnum(CourseFormat, { message: 'Choose a format' })
  format!: CourseFormat;

  @Field(() => Int)
  @IsInt({ message: 'Duration must be a whole number of minutes' })
  @Min(MIN_DURATION_MINUTES, { message: `Duration must be between ${MIN_DURATION_MINUTES} and ${MAX_DURATION_MINUTES} minutes` })
  @Max(MAX_DURATION_MINUTES, { message: `Duration must be between ${MIN_DURATION_MINUTES} and ${MAX_DURATION_MINUTES} minutes` })
  durationMinutes!: number;

  @Field(() => Boolean, { description: "Bookings need the line manager's approval." })
  @IsBoolean({ message: 'Say whether bookings need manager approval' })
  requiresApproval!: boolean;

  @Field(() => [ID], { description: 'Only staff of these agencies (or the sectors or roles below) may book.' })
  @IsArray({ message: 'Audience agencies must be a list' })
  @ArrayMaxSize(500, { message: 'Choose at most 500 agencies' })
  @IsUUID('all', { each: true, message: 'Audience agencies must be ids of agencies' })
  audienceAgencyIds!: string[];

  @Field(() => [AgencySector])
  @IsArray({ message: 'Audience sectors must be a list' })
  @IsEnum(AgencySector, { each: true, message: 'Choose audience sectors from the list' })
  audienceSectors!: AgencySector[];

  @Field(() => [Role])
  @IsArray({ message: 'Audience roles must be a list' })
  @IsEnum(Role, { each: true, message: 'Choose audience roles from the list' })
  audienceRoles!: Role[];

  @Field(() => ID, { nullable: true, description: 'A course to attend first (its register must show the person attended).' })
  @TrimToNull()
  @IsOptional()
  @IsUUID('all', { message: 'Choose the prerequisite from the list of courses' })
  prerequisiteCourseId?: string | null;

  @Field(() => Int, { description: 'Cancelling later than this many working days before the start counts as late.' })
  @IsInt({ message: 'Cancellation cut-off must be a whole number of working days' })
  @Min(0, { message: `Cancellation cut-off must be between 0 and ${MAX_CUTOFF_WORKING_DAYS} working days` })
  @Max(MAX_CUTOFF_WORKING_DAYS, { message: `Cancellation cut-off must be between 0 and ${MAX_CUTOFF_WORKING_DAYS} working days` })
  cancellationCutoffWorkingDays!: number;

  @Field(() => AttendanceRule, { description: 'How attendance is decided from the registers of the parts.' })
  @IsEnum(AttendanceRule, { message: 'Choose how attendance is decided' })
  attendanceRule!: AttendanceRule;

  @Field(() => Int, { nullable: true, description: 'For SHARE_OF_TIME: the least share of the time to attend, 1 to 100 per cent.' })
  @AttendanceShare()
  attendanceMinimumPercent?: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description: '"Partly attended" completes the course too (a record, a certificate). Left out: unchanged (false for a new course).',
  })
  @IsOptional()
  @IsBoolean({ message: 'Say whether partly attended counts as completing the course' })
  partlyAttendedCompletes?: boolean | null;

  @Field(() => Int, {
    nullable: true,
    description: `Months a certificate of this course stays valid, 1 to ${MAX_CERTIFICATE_VALID_MONTHS}; null: certificates do not expire. Left out: unchanged.`,
  })
  @IsOptional()
  @IsInt({ message: CERTIFICATE_MONTHS_PROBLEM })
  @Min(1, { message: CERTIFICATE_MONTHS_PROBLEM })
  @Max(MAX_CERTIFICATE_VALID_MONTHS, { message: CERTIFICATE_MONTHS_PROBLEM })
  certificateValidMonths?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'E-learning: where the learning is done (an https address); the course page links out to it.',
  })
  @TrimToNull()
  @IsOptional()
  @ValidateBy(
    {
      name: 'learningUrl',
      validator: { validate: (value: unknown) => typeof value === 'string' && isLearningUrl(value) },
    },
    { message: 'Enter the e-learning link as a full address starting with https://, like https://learning.example.org/course' },
  )
  learningUrl?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The e-learning provider's code for the course, matched when completions are imported.",
  })
  @TrimToNull()
  @IsOptional()
  @MaxLength(100, { message: 'The provider’s course code must be 100 characters or fewer' })
  externalCode?: string | null;
}
