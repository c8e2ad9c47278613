import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { AgencySector, Role } from '../common/graphql-enums';
import type { Agency } from './agency.entity';
import type { Viewer } from '../common/viewer';

@ObjectType('Agency')
export class AgencyType {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => AgencySector) sector!: AgencySector;
  @Field(() => Boolean, { description: 'Its staff (for example volunteers with no line manager) book without manager approval.' })
  approvalExempt!: boolean;
  @Field(() => [String], { description: 'The agency\'s email domains, like "northshire.gov.uk".' })
  emailDomains!: string[];
  @Field(() => Boolean, { description: "Line managers who approve bookings must use an address on the agency's domains." })
  managerEmailOnDomains!: boolean;
  @Field(() => Boolean, { description: 'Statutory partner or not: charges depend on it.' })
  statutoryPartner!: boolean;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it was retired: offered to no one, kept for history.' })
  retiredAt!: Date | null;

  static from(a: Agency): AgencyType {
    return Object.assign(new AgencyType(), {
      id: a.id,
      name: a.name,
      sector: a.sector,
      approvalExempt: a.approvalExempt,
      emailDomains: a.emailDomains,
      managerEmailOnDomains: a.managerEmailOnDomains,
      statutoryPartner: a.statutoryPartner,
      retiredAt: a.retiredAt ?? null,
    });
  }
}

/** The signed-in person, as they see themselves. */
@ObjectType('Me')
export class MeType {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String) email!: string;
  @Field(() => [Role]) roles!: Role[];
  @Field(() => ID, { nullable: true }) agencyId!: string | null;

  static from(v: Viewer): MeType {
    return Object.assign(new MeType(), { id: v.id, name: v.name, email: v.email, roles: v.roles, agencyId: v.agencyId });
  }
}
