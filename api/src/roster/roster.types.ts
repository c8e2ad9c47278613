import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayNotEmpty, IsEnum, IsNotEmpty, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { MAX_MESSAGE_LENGTH, MAX_MESSAGE_SUBJECT_LENGTH, RosterAudience, RosterSort } from '@lh/domain';
import { BookingStatus } from '../common/graphql-enums';

registerEnumType(RosterSort, { name: 'RosterSort', description: 'How the session roster is ordered.' });

export enum AddPersonOutcome {
  BOOKED = 'BOOKED',
  WAITLISTED = 'WAITLISTED',
  ALREADY_BOOKED = 'ALREADY_BOOKED',
  NO_ACCOUNT = 'NO_ACCOUNT',
  NOT_ALLOWED = 'NOT_ALLOWED',
  NOT_AN_EMAIL = 'NOT_AN_EMAIL',
}
registerEnumType(AddPersonOutcome, { name: 'AddPersonOutcome', description: 'What happened to one line of a pasted list of emails.' });

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

@ObjectType('BookingNote', { description: "The training team's note about an attendee: coordinators and the session's trainers only." })
export class BookingNoteType {
  @Field(() => ID) bookingId!: string;
  @Field(() => String) text!: string;
  @Field(() => String, { description: 'Who wrote it (their name when they did).' }) writtenByName!: string;
  @Field(() => Date) writtenAt!: Date;
}

@ObjectType('RosterEntry', { description: 'One booking on a session as the roster lists it.' })
export class RosterEntryType {
  @Field(() => ID) bookingId!: string;
  @Field(() => ID) personId!: string;
  @Field(() => String) name!: string;
  @Field(() => String) email!: string;
  @Field(() => String, { nullable: true }) jobTitle!: string | null;
  @Field(() => String, { nullable: true, description: 'The agency the person booked with.' }) agencyName!: string | null;
  @Field(() => BookingStatus) status!: BookingStatus;
  @Field(() => Int, { nullable: true }) waitlistPosition!: number | null;
  @Field(() => Boolean) lateCancellation!: boolean;
  @Field(() => Date, { description: 'When the booking was made.' }) bookedAt!: Date;
  @Field(() => String, { nullable: true }) accessNeeds!: string | null;
  @Field(() => String, { nullable: true }) dietaryNeeds!: string | null;
  @Field(() => BookingNoteType, { nullable: true }) note!: BookingNoteType | null;
}

@ObjectType('AgencyCount')
export class AgencyCountType {
  @Field(() => String, { nullable: true, description: 'Null for people without an agency.' }) agencyName!: string | null;
  @Field(() => Int) count!: number;
}

@ObjectType('NeedsAnswerCount')
export class NeedsAnswerCountType {
  @Field(() => String) answer!: string;
  @Field(() => Int) count!: number;
}

@ObjectType('NeedsSummary', { description: 'Access and dietary needs of the confirmed places, counted, without names.' })
export class NeedsSummaryType {
  @Field(() => Int) places!: number;
  @Field(() => Int) withoutNeeds!: number;
  @Field(() => [NeedsAnswerCountType]) access!: NeedsAnswerCountType[];
  @Field(() => [NeedsAnswerCountType]) dietary!: NeedsAnswerCountType[];
}

@ObjectType('RosterList', { description: "A session's roster, searched and sorted: for coordinators." })
export class RosterListType {
  @Field(() => ID) sessionId!: string;
  @Field(() => Int, { description: 'Bookings on the session, whatever the search.' }) total!: number;
  @Field(() => [RosterEntryType], { description: 'The bookings matching the search, in the chosen order.' }) entries!: RosterEntryType[];
  @Field(() => [AgencyCountType], { description: 'Live places (confirmed, offered, awaiting approval, waiting) per agency.' })
  agencyCounts!: AgencyCountType[];
  @Field(() => NeedsSummaryType) needs!: NeedsSummaryType;
}

@ObjectType('PersonToAdd', { description: 'A person found by name or email to add to a session.' })
export class PersonToAddType {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String) email!: string;
  @Field(() => String, { nullable: true }) agencyName!: string | null;
  @Field(() => Boolean, { description: 'Whether they already have a live booking on this session.' }) alreadyBooked!: boolean;
}

@ObjectType('AddPersonResult', { description: 'The outcome of one line of a pasted list of emails.' })
export class AddPersonResultType {
  @Field(() => String, { description: 'The line as it was pasted.' }) line!: string;
  @Field(() => String, { nullable: true }) email!: string | null;
  @Field(() => AddPersonOutcome) outcome!: AddPersonOutcome;
  @Field(() => String, { description: 'What happened, in a sentence.' }) message!: string;
  @Field(() => ID, { nullable: true }) bookingId!: string | null;
}

@ObjectType('MoveBookingResult', { description: 'The outcome of moving one booking in a bulk move.' })
export class MoveBookingResultType {
  @Field(() => ID) bookingId!: string;
  @Field(() => String) personName!: string;
  @Field(() => Boolean) moved!: boolean;
  @Field(() => String, { description: 'What happened, in a sentence.' }) message!: string;
}

@InputType()
export class AddPeopleToSessionInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Choose a session from the list' })
  sessionId!: string;

  @Field(() => String, { description: 'Email addresses, one a line or separated by commas or semicolons.' })
  @Transform(trim)
  @IsNotEmpty({ message: 'Enter at least one email address' })
  @MaxLength(40_000, { message: 'The list of email addresses must be 40,000 characters or fewer' })
  emails!: string;

  @Field(() => String, { description: 'Why (recorded in each booking history). Eligibility and one-per-course rules are bypassed.' })
  @Transform(trim)
  @IsNotEmpty({ message: 'Enter a reason for adding these people' })
  @MaxLength(500, { message: 'The reason must be 500 characters or fewer' })
  reason!: string;
}

@InputType()
export class MoveBookingsInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Choose a session from the list' })
  fromSessionId!: string;

  @Field(() => [ID])
  @ArrayNotEmpty({ message: 'Choose at least one person to move' })
  @ArrayMaxSize(500, { message: 'Move at most 500 people at once' })
  @IsUUID('all', { each: true, message: 'Choose people from the list' })
  bookingIds!: string[];

  @Field(() => ID)
  @IsUUID('all', { message: 'Choose the date to move them to' })
  toSessionId!: string;

  @Field(() => String)
  @Transform(trim)
  @IsNotEmpty({ message: 'Enter a reason for the move' })
  @MaxLength(500, { message: 'The reason must be 500 characters or fewer' })
  reason!: string;
}

registerEnumType(RosterAudience, { name: 'RosterAudience', description: 'Who on a session a message goes to.' });

@InputType()
export class MessageSessionInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Choose a session from the list' })
  sessionId!: string;

  @Field(() => RosterAudience)
  @IsEnum(RosterAudience, { message: 'Choose who to send the message to' })
  audience!: RosterAudience;

  @Field(() => String)
  @Transform(trim)
  @IsNotEmpty({ message: 'Enter a subject' })
  @MaxLength(MAX_MESSAGE_SUBJECT_LENGTH, { message: `The subject must be ${MAX_MESSAGE_SUBJECT_LENGTH} characters or fewer` })
  subject!: string;

  @Field(() => String)
  @Transform(trim)
  @IsNotEmpty({ message: 'Enter a message' })
  @MaxLength(MAX_MESSAGE_LENGTH, { message: `The message must be ${MAX_MESSAGE_LENGTH} characters or fewer` })
  message!: string;

  @Field(() => String, { description: 'A key the form makes once; sending again with the same key sends nothing more.' })
  @IsString({ message: 'The message key must be text' })
  @MinLength(8, { message: 'The message key must be at least 8 characters' })
  @MaxLength(100, { message: 'The message key must be 100 characters or fewer' })
  idempotencyKey!: string;
}

@ObjectType('SessionMessageSent', { description: 'A message sent to everyone on a session in one status.' })
export class SessionMessageSentType {
  @Field(() => ID) id!: string;
  @Field(() => RosterAudience) audience!: RosterAudience;
  @Field(() => String) subject!: string;
  @Field(() => Int, { description: 'How many people it was sent to.' }) recipients!: number;
  @Field(() => Date) sentAt!: Date;
  @Field(() => Boolean, { description: 'True when this key had already sent it: nothing more was sent.' }) repeated!: boolean;
}
