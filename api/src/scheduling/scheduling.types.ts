import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { ClockChangeOccurrence as Occurrence } from '@lh/domain';
import { ClockChangeOccurrence, SessionStatus } from '../common/graphql-enums';
import { CourseRefType } from '../catalogue/course.types';

/** A venue with everything a coordinator edits. */
@ObjectType('AdminVenue')
export class AdminVenueType {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String) address!: string;
  @Field(() => [String]) rooms!: string[];
  @Field(() => Int, { nullable: true }) capacity!: number | null;
  @Field(() => String, { nullable: true }) accessibilityNotes!: string | null;
  @Field(() => Int, { description: 'Coming sessions here that are not cancelled.' }) upcomingSessionCount!: number;
}

/** One part of a session, with its London wall-clock form for editing. */
@ObjectType('AdminSessionPart')
export class AdminSessionPartType {
  @Field(() => ID, { description: 'Stable for the life of the part (calendar invites are built from it).' }) id!: string;
  @Field(() => String, { description: 'London date, YYYY-MM-DD.' }) date!: string;
  @Field(() => String, { description: 'London start time, HH:MM.' }) startTime!: string;
  @Field(() => String, { description: 'London end time, HH:MM.' }) endTime!: string;
  @Field(() => ClockChangeOccurrence, {
    nullable: true,
    description: 'Which one the start time is, when it happens twice (the clocks go back).',
  })
  startOccurrence!: Occurrence | null;
  @Field(() => ClockChangeOccurrence, {
    nullable: true,
    description: 'Which one the end time is, when it happens twice (the clocks go back).',
  })
  endOccurrence!: Occurrence | null;
  @Field(() => Date) startsAt!: Date;
  @Field(() => Date) endsAt!: Date;
}

@ObjectType('SessionTrainer')
export class SessionTrainerType {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String) email!: string;
  @Field(() => String, { nullable: true }) jobTitle!: string | null;
}

/** A session with everything its edit page needs: for coordinators only. */
@ObjectType('AdminSession')
export class AdminSessionType {
  @Field(() => ID) id!: string;
  @Field(() => CourseRefType) course!: CourseRefType;
  @Field(() => SessionStatus) status!: SessionStatus;
  @Field(() => Date) startsAt!: Date;
  @Field(() => Date) endsAt!: Date;
  @Field(() => [AdminSessionPartType]) parts!: AdminSessionPartType[];
  @Field(() => AdminVenueType, { nullable: true, description: 'Null for online sessions.' }) venue!: AdminVenueType | null;
  @Field(() => String, { nullable: true }) room!: string | null;
  @Field(() => String, { nullable: true }) onlineUrl!: string | null;
  @Field(() => Int) capacity!: number;
  @Field(() => String, { nullable: true, description: 'London date booking opens (start of the day).' }) bookingOpensOn!: string | null;
  @Field(() => String, { nullable: true }) joiningInstructions!: string | null;
  @Field(() => String, { nullable: true, description: 'London date booking closes (end of the day).' }) bookingClosesOn!: string | null;
  @Field(() => Date, { nullable: true }) bookingOpensAt!: Date | null;
  @Field(() => Date, { nullable: true }) bookingClosesAt!: Date | null;
  @Field(() => Boolean) autoOfferWaitlist!: boolean;
  @Field(() => [SessionTrainerType]) trainers!: SessionTrainerType[];
  @Field(() => Int, { description: 'Live bookings (confirmed, offered, awaiting approval, waiting): they are told about changes.' })
  liveBookings!: number;
}

/** A member of the training pool (a person with the trainer role). */
@ObjectType('TrainerPoolMember')
export class TrainerPoolMemberType {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String) email!: string;
  @Field(() => String, { nullable: true }) jobTitle!: string | null;
  @Field(() => String, { nullable: true }) agencyName!: string | null;
  @Field(() => Int, { description: 'Coming sessions they are assigned to that are not cancelled.' }) upcomingSessionCount!: number;
}
