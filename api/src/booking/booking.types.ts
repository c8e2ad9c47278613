import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { BookingStatus } from '../common/graphql-enums';
import { SessionPartType, VenueType } from '../catalogue/course.types';

@ObjectType('BookingCourse')
export class BookingCourseType {
  @Field(() => ID) id!: string;
  @Field(() => String) title!: string;
}

@ObjectType('BookingSession', { description: 'The session a booking is for, as its holder sees it.' })
export class BookingSessionType {
  @Field(() => ID) id!: string;
  @Field(() => BookingCourseType) course!: BookingCourseType;
  @Field(() => Date) startsAt!: Date;
  @Field(() => Date) endsAt!: Date;
  @Field(() => [SessionPartType]) parts!: SessionPartType[];
  @Field(() => VenueType, { nullable: true }) venue!: VenueType | null;
  @Field(() => String, { nullable: true, description: 'The room at the venue, when set.' }) room!: string | null;
  @Field(() => Boolean) online!: boolean;
  @Field(() => Boolean) cancelled!: boolean;
  @Field(() => Date, { nullable: true, description: 'When the session was called off.' }) cancelledAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'Why the session was called off, as told to everyone booked.' })
  cancellationReason!: string | null;
  @Field(() => String, { nullable: true, description: 'What people need to know to take part.' }) joiningInstructions!: string | null;
}

@ObjectType('BookingPerson')
export class BookingPersonType {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String) email!: string;
  @Field(() => String, { nullable: true }) jobTitle!: string | null;
  @Field(() => String, { nullable: true }) agencyName!: string | null;
}

@ObjectType('BookingEvent', { description: 'One change to a booking: who, when, what, why.' })
export class BookingEventType {
  @Field(() => Date) at!: Date;
  @Field(() => String) action!: string;
  @Field(() => BookingStatus, { nullable: true }) fromStatus!: BookingStatus | null;
  @Field(() => BookingStatus) toStatus!: BookingStatus;
  @Field(() => String, { nullable: true, description: 'Who made the change; null for the system or a manager by link.' }) actorName!:
    string | null;
  @Field(() => String, {
    nullable: true,
    description: "The address that acted through a signed link (the line manager's), when nobody signed in did.",
  })
  actorEmail!: string | null;
  @Field(() => String, { nullable: true }) reason!: string | null;
}

@ObjectType('Booking')
export class BookingType {
  @Field(() => ID) id!: string;
  @Field(() => BookingStatus) status!: BookingStatus;
  @Field(() => BookingSessionType) session!: BookingSessionType;
  @Field(() => BookingPersonType) person!: BookingPersonType;
  @Field(() => String, { nullable: true }) accessNeeds!: string | null;
  @Field(() => String, { nullable: true }) dietaryNeeds!: string | null;
  @Field(() => String, { nullable: true }) managerEmail!: string | null;
  @Field(() => Int, { nullable: true, description: 'Place in the waiting list (1 = next), for waiting bookings.' })
  waitlistPosition!: number | null;
  @Field(() => Date, { nullable: true }) offerExpiresAt!: Date | null;
  @Field(() => Date, { nullable: true }) approvalExpiresAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'Until when it can be cancelled without counting as late.' })
  cancellationDeadline!: Date | null;
  @Field(() => Date, { nullable: true }) cancelledAt!: Date | null;
  @Field(() => Boolean) lateCancellation!: boolean;
  @Field(() => String, {
    nullable: true,
    description: 'Joining link of an online session: for confirmed places only (their holder, coordinators).',
  })
  joinUrl!: string | null;
  @Field(() => Date) createdAt!: Date;
  @Field(() => [BookingEventType]) history!: BookingEventType[];
}

@ObjectType('MyBookings')
export class MyBookingsType {
  @Field(() => [BookingType], { description: 'Live bookings for sessions still to come, soonest first.' }) upcoming!: BookingType[];
  @Field(() => [BookingType], { description: 'Sessions that have happened, and cancelled or ended bookings, newest first.' })
  past!: BookingType[];
}

@ObjectType('SessionRoster', { description: 'Everyone booked on a session, by status: for coordinators.' })
export class SessionRosterType {
  @Field(() => ID) sessionId!: string;
  @Field(() => BookingSessionType) session!: BookingSessionType;
  @Field(() => Int) capacity!: number;
  @Field(() => Int) placesLeft!: number;
  @Field(() => Boolean) autoOfferWaitlist!: boolean;
  @Field(() => [BookingType]) confirmed!: BookingType[];
  @Field(() => [BookingType], { description: 'Awaiting approval, or holding an offer.' }) pending!: BookingType[];
  @Field(() => [BookingType], { description: 'In queue order.' }) waiting!: BookingType[];
  @Field(() => [BookingType]) cancelled!: BookingType[];
}

@ObjectType('ProgrammeSession', { description: 'A session in the programme with its numbers, for coordinators.' })
export class ProgrammeSessionType {
  @Field(() => BookingSessionType) session!: BookingSessionType;
  @Field(() => Int) capacity!: number;
  @Field(() => Int) confirmed!: number;
  @Field(() => Int, { description: 'Offered places and approvals pending.' }) pending!: number;
  @Field(() => Int) waiting!: number;
  @Field(() => Int) placesLeft!: number;
}

@ObjectType('ApprovalRequest', { description: "What a line manager's approval link is about." })
export class ApprovalRequestType {
  @Field(() => ID) bookingId!: string;
  @Field(() => BookingStatus) status!: BookingStatus;
  @Field(() => String, { nullable: true, description: 'Shown only while the request waits for a decision.' })
  practitionerName!: string | null;
  @Field(() => String, { nullable: true, description: 'Shown only while the request waits for a decision.' })
  practitionerJobTitle!: string | null;
  @Field(() => String, { nullable: true, description: 'Shown only while the request waits for a decision.' })
  practitionerAgency!: string | null;
  @Field(() => String, { nullable: true, description: 'Shown only while the request waits for a decision.' })
  managerEmail!: string | null;
  @Field(() => BookingSessionType) session!: BookingSessionType;
  @Field(() => Date, { nullable: true, description: 'Decide by then, or the place is released.' }) expiresAt!: Date | null;
}

@ObjectType('MyCourseBooking', { description: "The signed-in person's live booking on a course (one at most)." })
export class MyCourseBookingType {
  @Field(() => ID) id!: string;
  @Field(() => BookingStatus) status!: BookingStatus;
  @Field(() => ID) sessionId!: string;
  @Field(() => Date) startsAt!: Date;
  @Field(() => Int, { nullable: true }) waitlistPosition!: number | null;
}

@ObjectType('CourseEligibility', { description: 'Whether the signed-in person may book a course, and why not: before any form.' })
export class CourseEligibilityType {
  @Field(() => Boolean, { description: 'Whether the audience and the prerequisite let this person book (places and dates aside).' })
  canBook!: boolean;
  @Field(() => String, { nullable: true, description: 'Why not, in a sentence for the person; null when they can book.' })
  reason!: string | null;
  @Field(() => String, { nullable: true, description: 'The error code booking would give (NOT_ELIGIBLE, PREREQUISITE_NOT_MET).' })
  code!: string | null;
  @Field(() => Boolean, { description: "Whether a booking would wait for this person's line manager (their agency may be exempt)." })
  approvalNeeded!: boolean;
  @Field(() => Date, {
    nullable: true,
    description: 'The start of the last session of this course this person attended (as its signed-off register recorded), if any.',
  })
  attendedOn!: Date | null;
}
