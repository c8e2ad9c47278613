import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { AgencySector, CourseFormat, Role, SessionStatus } from '../common/graphql-enums';

@ObjectType('PriorityArea')
export class PriorityAreaType {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
}

@ObjectType('Venue')
export class VenueType {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String) address!: string;
  @Field(() => String, { nullable: true }) accessibilityNotes!: string | null;
}

@ObjectType('SessionPart')
export class SessionPartType {
  @Field(() => Date) startsAt!: Date;
  @Field(() => Date) endsAt!: Date;
}

@ObjectType('Session', { description: 'One dated delivery of a course.' })
export class SessionType {
  @Field(() => ID) id!: string;
  @Field(() => Date) startsAt!: Date;
  @Field(() => Date) endsAt!: Date;
  @Field(() => [SessionPartType]) parts!: SessionPartType[];
  @Field(() => VenueType, { nullable: true, description: 'Null for online sessions.' }) venue!: VenueType | null;
  @Field(() => String, { nullable: true, description: 'The room at the venue, when set.' }) room!: string | null;
  @Field(() => Boolean) online!: boolean;
  @Field(() => Int) capacity!: number;
  @Field(() => Int) placesLeft!: number;
  @Field(() => Int, { description: 'People on the waiting list: while anyone waits, a new booking joins the end of it.' })
  waiting!: number;
  @Field(() => SessionStatus) status!: SessionStatus;
  @Field(() => Date, { nullable: true, description: 'When the session was called off.' }) cancelledAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'Why the session was called off.' }) cancellationReason!: string | null;
}

@ObjectType('CourseRef')
export class CourseRefType {
  @Field(() => ID) id!: string;
  @Field(() => String) title!: string;
}

@ObjectType('SessionDetail', { description: 'One session with its course, for the booking page.' })
export class SessionDetailType {
  @Field(() => SessionType) session!: SessionType;
  @Field(() => CourseRefType) course!: CourseRefType;
  @Field(() => Boolean) requiresApproval!: boolean;
  @Field(() => Boolean, { description: 'Whether the signed-in person must name a line manager (their agency may be exempt).' })
  approvalNeededForYou!: boolean;
  @Field(() => Int) cancellationCutoffWorkingDays!: number;
  @Field(() => Date, { nullable: true }) bookingOpensAt!: Date | null;
  @Field(() => Date, { nullable: true }) bookingClosesAt!: Date | null;
  @Field(() => Int, { description: 'People on the waiting list.' }) waiting!: number;
}

@ObjectType('CourseAudience', { description: 'Who may book a course: anyone matching one of the lists; all empty means everyone.' })
export class CourseAudienceType {
  @Field(() => Boolean, { description: 'Open to everyone working in the partnership.' }) open!: boolean;
  @Field(() => [String], { description: 'Agencies whose staff may book, by name.' }) agencyNames!: string[];
  @Field(() => [AgencySector]) sectors!: AgencySector[];
  @Field(() => [Role]) roles!: Role[];
}

@ObjectType('Course')
export class CourseType {
  @Field(() => ID) id!: string;
  @Field(() => String) title!: string;
  @Field(() => String) summary!: string;
  @Field(() => [String]) learningOutcomes!: string[];
  @Field(() => PriorityAreaType) priorityArea!: PriorityAreaType;
  @Field(() => Int) level!: number;
  @Field(() => CourseFormat) format!: CourseFormat;
  @Field(() => Int) durationMinutes!: number;
  @Field(() => Boolean, { description: "Bookings need the line manager's approval." }) requiresApproval!: boolean;
  @Field(() => CourseAudienceType, { description: 'Who may book.' }) audience!: CourseAudienceType;
  @Field(() => Int, { description: 'Working days before the start after which cancelling counts as late.' })
  cancellationCutoffWorkingDays!: number;
  @Field(() => CourseRefType, { nullable: true, description: 'A course to attend first (its register must show the person attended).' })
  prerequisite!: CourseRefType | null;
  @Field(() => Int, { description: 'Coming sessions that are not cancelled.' }) upcomingSessionCount!: number;
  @Field(() => Int, { description: 'Places left over all coming sessions.' }) upcomingPlacesLeft!: number;
  @Field(() => Date, { nullable: true }) nextSessionStartsAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'E-learning: where the learning is done (https); the course page links out to it.' })
  learningUrl!: string | null;
}
