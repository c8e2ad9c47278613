import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { AgencySector, AttendanceRule, CourseFormat, CourseStatus, Role } from '../common/graphql-enums';
import { CourseRefType } from './course.types';

/** A course with everything a coordinator edits (the audience, the prerequisite id): for coordinators only. */
@ObjectType('AdminCourse')
export class AdminCourseType {
  @Field(() => ID) id!: string;
  @Field(() => String) title!: string;
  @Field(() => String) summary!: string;
  @Field(() => [String]) learningOutcomes!: string[];
  @Field(() => ID) priorityAreaId!: string;
  @Field(() => String) priorityAreaName!: string;
  @Field(() => Int) level!: number;
  @Field(() => CourseFormat) format!: CourseFormat;
  @Field(() => Int) durationMinutes!: number;
  @Field(() => Boolean) requiresApproval!: boolean;
  @Field(() => [ID]) audienceAgencyIds!: string[];
  @Field(() => [AgencySector]) audienceSectors!: AgencySector[];
  @Field(() => [Role]) audienceRoles!: Role[];
  @Field(() => CourseRefType, { nullable: true }) prerequisite!: CourseRefType | null;
  @Field(() => Int) cancellationCutoffWorkingDays!: number;
  @Field(() => AttendanceRule, { description: 'How attendance is decided from the registers of the parts.' })
  attendanceRule!: AttendanceRule;
  @Field(() => Int, { description: 'For SHARE_OF_TIME: the least share of the time to attend, in per cent (100 otherwise).' })
  attendanceMinimumPercent!: number;
  @Field(() => Boolean, { description: '"Partly attended" completes the course too.' }) partlyAttendedCompletes!: boolean;
  @Field(() => Int, { nullable: true, description: 'Months its certificates stay valid (null: they do not expire).' })
  certificateValidMonths!: number | null;
  @Field(() => Int, { description: 'Sessions of this course, past and coming, any status.' }) sessionCount!: number;
  @Field(() => String, { nullable: true, description: 'E-learning: where the learning is done.' }) learningUrl!: string | null;
  @Field(() => String, { nullable: true, description: "The e-learning provider's code for the course." }) externalCode!: string | null;
  @Field(() => CourseStatus) status!: CourseStatus;
}

/** A line of the coordinators' list of courses (Manage → Courses), any status. */
@ObjectType('ManagedCourse')
export class ManagedCourseType {
  @Field(() => ID) id!: string;
  @Field(() => String) title!: string;
  @Field(() => CourseFormat) format!: CourseFormat;
  @Field(() => Int) level!: number;
  @Field(() => Int) durationMinutes!: number;
  @Field(() => String) priorityAreaName!: string;
  @Field(() => CourseStatus) status!: CourseStatus;
  @Field(() => Int, { description: 'Scheduled sessions still to start.' }) upcomingSessionCount!: number;
}
