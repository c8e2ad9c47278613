import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { CourseFormat, SessionStatus } from '../common/graphql-enums';

/** One session in the programme with its numbers, for coordinators. */
@ObjectType('ProgrammeRow')
export class ProgrammeRowType {
  @Field(() => ID) sessionId!: string;
  @Field(() => ID) courseId!: string;
  @Field(() => String) courseTitle!: string;
  @Field(() => CourseFormat) format!: CourseFormat;
  @Field(() => SessionStatus) status!: SessionStatus;
  @Field(() => Date) startsAt!: Date;
  @Field(() => Date) endsAt!: Date;
  @Field(() => String, { nullable: true, description: 'Null for an online session.' }) venueName!: string | null;
  @Field(() => Int) capacity!: number;
  @Field(() => Int) confirmed!: number;
  @Field(() => Int, { description: 'Places held: confirmed, offered and awaiting approval.' }) booked!: number;
  @Field(() => Int, { description: "Bookings waiting for a line manager's approval." }) approvalsWaiting!: number;
  @Field(() => Int) waiting!: number;
  @Field(() => Int) placesLeft!: number;
  @Field(() => [String], { description: "The trainers' names, by name." }) trainers!: string[];
}

/** The numbers of every session the filter matches (not only the page shown). Places leave out cancelled sessions. */
@ObjectType('ProgrammeTotals')
export class ProgrammeTotalsType {
  @Field(() => Int) sessions!: number;
  @Field(() => Int) places!: number;
  @Field(() => Int) booked!: number;
  @Field(() => Int) waiting!: number;
  @Field(() => Int) approvalsWaiting!: number;
}

@ObjectType('ProgrammePage')
export class ProgrammePageType {
  @Field(() => [ProgrammeRowType]) sessions!: ProgrammeRowType[];
  @Field(() => ProgrammeTotalsType) totals!: ProgrammeTotalsType;
  @Field(() => Int) page!: number;
  @Field(() => Int) pageCount!: number;
  @Field(() => String, { nullable: true, description: 'The first London date listed (today unless the filter says).' }) from!:
    string | null;
  @Field(() => String, { nullable: true }) to!: string | null;
}

/** A month of the programme: every session the filter matches in it, soonest first. */
@ObjectType('ProgrammeMonth')
export class ProgrammeMonthType {
  @Field(() => String, { description: 'YYYY-MM.' }) month!: string;
  @Field(() => [ProgrammeRowType]) sessions!: ProgrammeRowType[];
  @Field(() => ProgrammeTotalsType) totals!: ProgrammeTotalsType;
}
