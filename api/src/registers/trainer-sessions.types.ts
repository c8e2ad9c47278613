import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { SessionStatus } from '../common/graphql-enums';
import { CourseRefType, VenueType } from '../catalogue/course.types';

@ObjectType('TrainerSessionPart', { description: 'One dated part of a session a trainer delivers (its id names its register).' })
export class TrainerSessionPartType {
  @Field(() => ID) id!: string;
  @Field(() => Date) startsAt!: Date;
  @Field(() => Date) endsAt!: Date;
}

@ObjectType('TrainerSessionSummary', { description: 'A session as its trainers plan for it: when, where, and the numbers.' })
export class TrainerSessionSummaryType {
  @Field(() => ID) id!: string;
  @Field(() => CourseRefType) course!: CourseRefType;
  @Field(() => SessionStatus) status!: SessionStatus;
  @Field(() => String, { nullable: true, description: 'Why it was called off.' }) cancellationReason!: string | null;
  @Field(() => Date) startsAt!: Date;
  @Field(() => Date) endsAt!: Date;
  @Field(() => [TrainerSessionPartType], { description: 'In time order.' }) parts!: TrainerSessionPartType[];
  @Field(() => VenueType, { nullable: true, description: 'Null for online sessions.' }) venue!: VenueType | null;
  @Field(() => String, { nullable: true }) room!: string | null;
  @Field(() => Boolean) online!: boolean;
  @Field(() => Int) capacity!: number;
  @Field(() => Int, { description: 'Confirmed places.' }) confirmed!: number;
  @Field(() => Int, { description: 'Places held while someone decides: offers and line managers’ approvals.' }) pending!: number;
  @Field(() => Int, { description: 'People on the waiting list.' }) waiting!: number;
  @Field(() => Int, { description: 'Confirmed places with access or dietary needs to plan for (a person with both counts once).' })
  needsCount!: number;
}

@ObjectType('TrainerSessionAttendee', { description: 'A confirmed place, as the session’s trainers see it (no contact details).' })
export class TrainerSessionAttendeeType {
  @Field(() => ID) bookingId!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true, description: 'The agency they booked under.' }) agencyName!: string | null;
  @Field(() => String, { nullable: true }) accessNeeds!: string | null;
  @Field(() => String, { nullable: true }) dietaryNeeds!: string | null;
}

@ObjectType('TrainerSession', {
  description: 'One session for its trainers (and coordinators): how to run it and who is coming.',
})
export class TrainerSessionType extends TrainerSessionSummaryType {
  @Field(() => String, { nullable: true, description: 'The joining link of an online session.' }) onlineUrl!: string | null;
  @Field(() => String, { nullable: true, description: 'What the people booked were told to know to take part.' })
  joiningInstructions!: string | null;
  @Field(() => [String], { description: 'Everyone training it, by name.' }) trainerNames!: string[];
  @Field(() => Boolean, { description: 'Whether the viewer is one of its trainers (a coordinator may be looking).' })
  youTrain!: boolean;
  @Field(() => [TrainerSessionAttendeeType], { description: 'Confirmed places, by name.' }) attendees!: TrainerSessionAttendeeType[];
}

@ObjectType('YourSessions', { description: 'The sessions the viewer trains.' })
export class YourSessionsType {
  @Field(() => [TrainerSessionSummaryType], { description: 'Not ended yet (including today’s), soonest first.' })
  coming!: TrainerSessionSummaryType[];
  @Field(() => [TrainerSessionSummaryType], { description: 'Ended in the last 60 days, most recent first.' })
  recent!: TrainerSessionSummaryType[];
}
