import { Field, ObjectType } from '@nestjs/graphql';
import type { Person } from './person.entity';

/** What a person keeps about themselves. */
@ObjectType('Profile')
export class ProfileType {
  @Field(() => String) name!: string;
  @Field(() => String) email!: string;
  @Field(() => String, { nullable: true }) jobTitle!: string | null;
  @Field(() => String, { nullable: true }) agencyName!: string | null;
  @Field(() => String, { nullable: true, description: 'Who approves bookings where a course needs it; prefilled when booking.' })
  lineManagerEmail!: string | null;
  @Field(() => String, { nullable: true, description: 'Access needs or reasonable adjustments; prefilled when booking.' })
  accessNeeds!: string | null;
  @Field(() => String, { nullable: true, description: 'Dietary needs; prefilled when booking.' })
  dietaryNeeds!: string | null;

  static from(p: Person): ProfileType {
    return Object.assign(new ProfileType(), {
      name: p.name,
      email: p.email,
      jobTitle: p.jobTitle ?? null,
      agencyName: p.agency?.name ?? null,
      lineManagerEmail: p.lineManagerEmail ?? null,
      accessNeeds: p.accessNeeds ?? null,
      dietaryNeeds: p.dietaryNeeds ?? null,
    });
  }
}
