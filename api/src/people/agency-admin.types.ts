import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { AgencySector } from '../common/graphql-enums';
import type { Agency } from './agency.entity';

/** An agency with everything a coordinator manages about it. */
@ObjectType('AdminAgency')
export class AdminAgencyType {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => AgencySector) sector!: AgencySector;
  @Field(() => Boolean, { description: 'Statutory partner or not: charges depend on it.' }) statutoryPartner!: boolean;
  @Field(() => Boolean, { description: 'Its staff book without line manager approval.' }) approvalExempt!: boolean;
  @Field(() => [String]) emailDomains!: string[];
  @Field(() => Boolean) managerEmailOnDomains!: boolean;
  @Field(() => [String], { description: 'Microsoft Entra tenant ids whose single sign-on it accepts.' }) ssoTenantIds!: string[];
  @Field(() => Boolean, { description: 'Whether its people may sign in with a password.' }) passwordSignIn!: boolean;
  @Field(() => Boolean, { description: 'Line managers get a copy of the mail telling one of its people they did not attend.' })
  copyManagersOnNonAttendance!: boolean;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it was retired: offered to no one, kept for history.' })
  retiredAt!: Date | null;
  @Field(() => Int, { description: 'People whose agency it is.' }) peopleCount!: number;

  static from(a: Agency, peopleCount: number): AdminAgencyType {
    return Object.assign(new AdminAgencyType(), {
      id: a.id,
      name: a.name,
      sector: a.sector,
      statutoryPartner: a.statutoryPartner,
      approvalExempt: a.approvalExempt,
      emailDomains: a.emailDomains,
      managerEmailOnDomains: a.managerEmailOnDomains,
      ssoTenantIds: a.ssoTenantIds,
      passwordSignIn: a.passwordSignIn,
      copyManagersOnNonAttendance: a.copyManagersOnNonAttendance,
      retiredAt: a.retiredAt ?? null,
      peopleCount,
    });
  }
}

/** What merging one agency into another would move, before anything changes. */
@ObjectType('AgencyMerge')
export class AgencyMergeType {
  @Field(() => AdminAgencyType, { description: 'The agency merged away: it is removed.' }) from!: AdminAgencyType;
  @Field(() => AdminAgencyType, { description: 'The agency kept, with its name and settings.' }) into!: AdminAgencyType;
  @Field(() => Int, { description: 'People who move to the kept agency.' }) people!: number;
  @Field(() => Int, { description: 'Bookings made under the merged agency, which then count for the kept one.' }) bookings!: number;
  @Field(() => Int, { description: 'Courses whose audience names the merged agency.' }) courses!: number;
  @Field(() => [String], { description: 'Email domains the kept agency gains.' }) emailDomains!: string[];
  @Field(() => [String], { description: 'Tenant ids the kept agency gains.' }) ssoTenantIds!: string[];
}
