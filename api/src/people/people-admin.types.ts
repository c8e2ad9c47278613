import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { BookingStatus, PersonStatus, Role } from '../common/graphql-enums';
import type { Person } from './person.entity';

/** A person as coordinators see them in a list. */
@ObjectType('PersonSummary')
export class PersonSummaryType {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String) email!: string;
  @Field(() => PersonStatus) status!: PersonStatus;
  @Field(() => [Role]) roles!: Role[];
  @Field(() => String, { nullable: true }) agencyName!: string | null;
  @Field(() => String, { nullable: true }) jobTitle!: string | null;

  static from(p: Person): PersonSummaryType {
    return Object.assign(new PersonSummaryType(), {
      id: p.id,
      name: p.name,
      email: p.email,
      status: p.status,
      roles: [...p.roles],
      agencyName: p.agency?.name ?? null,
      jobTitle: p.jobTitle ?? null,
    });
  }
}

@ObjectType('PeoplePage', { description: 'One page of people found by a search.' })
export class PeoplePageType {
  @Field(() => [PersonSummaryType]) people!: PersonSummaryType[];
  @Field(() => Int, { description: 'How many people match the search, on every page.' }) total!: number;
  @Field(() => Int) page!: number;
  @Field(() => Int) pageCount!: number;
}

@ObjectType('PersonBooking', { description: 'One of a person’s bookings, as coordinators see it on the person’s page.' })
export class PersonBookingType {
  @Field(() => ID) id!: string;
  @Field(() => BookingStatus) status!: BookingStatus;
  @Field(() => ID) sessionId!: string;
  @Field(() => String) courseTitle!: string;
  @Field(() => Date) startsAt!: Date;
  @Field(() => Date) endsAt!: Date;
  @Field(() => Boolean, { description: 'The session has not started yet.' }) upcoming!: boolean;
  @Field(() => String, { nullable: true, description: 'The agency they booked under (kept when they move).' })
  agencyName!: string | null;
}

@ObjectType('PersonHistoryEntry', { description: 'One change to one of the person’s bookings.' })
export class PersonHistoryEntryType {
  @Field(() => Date) at!: Date;
  @Field(() => String) action!: string;
  @Field(() => ID) bookingId!: string;
  @Field(() => ID) sessionId!: string;
  @Field(() => String) courseTitle!: string;
  @Field(() => Date) sessionStartsAt!: Date;
  @Field(() => BookingStatus, { nullable: true }) fromStatus!: BookingStatus | null;
  @Field(() => BookingStatus) toStatus!: BookingStatus;
  @Field(() => String, { nullable: true }) actorName!: string | null;
  @Field(() => String, { nullable: true }) reason!: string | null;
}

/** Everything a coordinator sees and changes about one person. */
@ObjectType('AdminPerson')
export class AdminPersonType extends PersonSummaryType {
  @Field(() => ID, { nullable: true }) agencyId!: string | null;
  @Field(() => String, { nullable: true }) team!: string | null;
  @Field(() => String, { nullable: true }) lineManagerEmail!: string | null;
  @Field(() => Date, { nullable: true }) emailVerifiedAt!: Date | null;
  @Field(() => Boolean, { description: 'Whether they have set a password.' }) hasPassword!: boolean;
  @Field(() => Date) createdAt!: Date;
  @Field(() => [PersonBookingType], { description: 'Upcoming first (soonest first), then past (latest first).' })
  bookings!: PersonBookingType[];
  @Field(() => [PersonHistoryEntryType], { description: 'The latest 100 changes to their bookings, newest first.' })
  history!: PersonHistoryEntryType[];
}
