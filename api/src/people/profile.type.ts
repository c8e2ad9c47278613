import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { AgencyRequest } from './agency-request.entity';
import type { Person } from './person.entity';

/** What a person keeps about themselves. */
@ObjectType('Profile')
export class ProfileType {
  @Field(() => String) name!: string;
  @Field(() => String) email!: string;
  @Field(() => String, { nullable: true }) jobTitle!: string | null;
  @Field(() => String, { nullable: true }) team!: string | null;
  @Field(() => ID, { nullable: true }) agencyId!: string | null;
  @Field(() => String, { nullable: true }) agencyName!: string | null;
  @Field(() => String, { nullable: true, description: 'Who approves bookings where a course needs it; prefilled when booking.' })
  lineManagerEmail!: string | null;
  @Field(() => String, { nullable: true, description: 'Access needs or reasonable adjustments; prefilled when booking.' })
  accessNeeds!: string | null;
  @Field(() => String, { nullable: true, description: 'Dietary needs; prefilled when booking.' })
  dietaryNeeds!: string | null;
  @Field(() => String, { nullable: true, description: 'The agency you asked to move to (or to be put in), while a coordinator decides.' })
  requestedAgencyName!: string | null;

  static from(p: Person, pending?: AgencyRequest | null): ProfileType {
    return Object.assign(new ProfileType(), {
      name: p.name,
      email: p.email,
      jobTitle: p.jobTitle ?? null,
      team: p.team ?? null,
      agencyId: p.agency?.id ?? null,
      agencyName: p.agency?.name ?? null,
      lineManagerEmail: p.lineManagerEmail ?? null,
      accessNeeds: p.accessNeeds ?? null,
      dietaryNeeds: p.dietaryNeeds ?? null,
      requestedAgencyName: pending ? (pending.requestedName ?? pending.requestedAgency?.name ?? null) : null,
    });
  }
}
