import { Field, ID, ObjectType } from '@nestjs/graphql';
import { PersonStatus } from '@lh/domain';
import { AgencyRequestKind, AgencyRequestStatus } from '../common/graphql-enums';
import type { Agency } from '../people/agency.entity';
import type { AgencyRequest } from '../people/agency-request.entity';
import type { Person } from '../people/person.entity';

/** An agency people can say they work for when registering (not retired). */
@ObjectType('RegistrationAgency')
export class RegistrationAgencyType {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;

  static from(a: Agency): RegistrationAgencyType {
    return Object.assign(new RegistrationAgencyType(), { id: a.id, name: a.name });
  }
}

/** Whom a confirmation link is for, shown before it is used. */
@ObjectType('RegistrationLink')
export class RegistrationLinkType {
  @Field(() => String) name!: string;
  @Field(() => String) email!: string;
}

/** What confirming an address led to. */
@ObjectType('RegistrationConfirmation')
export class RegistrationConfirmationType {
  @Field(() => String) email!: string;
  @Field(() => Boolean, {
    description: "True when the account can be used now (an address on its agency's domains); false when it waits for a coordinator.",
  })
  active!: boolean;
}

/** A registration waiting for a coordinator: the address is confirmed, the person is not yet approved. */
@ObjectType('PendingRegistration')
export class PendingRegistrationType {
  @Field(() => ID) personId!: string;
  @Field(() => String) name!: string;
  @Field(() => String) email!: string;
  @Field(() => String, { nullable: true }) agencyName!: string | null;
  @Field(() => String, { nullable: true, description: 'The agency they typed, when theirs was not listed.' })
  requestedAgencyName!: string | null;
  @Field(() => String, { nullable: true }) jobTitle!: string | null;
  @Field(() => String, { nullable: true }) team!: string | null;
  @Field(() => Date) registeredAt!: Date;

  static from(p: Person, request: AgencyRequest | undefined): PendingRegistrationType {
    return Object.assign(new PendingRegistrationType(), {
      personId: p.id,
      name: p.name,
      email: p.email,
      agencyName: p.agency?.name ?? null,
      requestedAgencyName: request?.requestedName ?? request?.requestedAgency?.name ?? null,
      jobTitle: p.jobTitle ?? null,
      team: p.team ?? null,
      registeredAt: p.createdAt,
    });
  }
}

/** A person asking to be put in an agency, waiting for a coordinator. */
@ObjectType('AgencyRequest')
export class AgencyRequestType {
  @Field(() => ID) id!: string;
  @Field(() => AgencyRequestKind) kind!: AgencyRequestKind;
  @Field(() => AgencyRequestStatus) status!: AgencyRequestStatus;
  @Field(() => ID) personId!: string;
  @Field(() => String) personName!: string;
  @Field(() => String) personEmail!: string;
  @Field(() => Boolean, { description: 'The person is still waiting for their registration to be approved.' })
  personPending!: boolean;
  @Field(() => String, { nullable: true, description: 'The name they typed for an agency that is not listed.' })
  requestedName!: string | null;
  @Field(() => ID, { nullable: true }) requestedAgencyId!: string | null;
  @Field(() => String, { nullable: true }) requestedAgencyName!: string | null;
  @Field(() => String, { nullable: true, description: 'Their agency when they asked to move.' })
  fromAgencyName!: string | null;
  @Field(() => String, { nullable: true }) resultAgencyName!: string | null;
  @Field(() => Date) requestedAt!: Date;

  static from(r: AgencyRequest): AgencyRequestType {
    return Object.assign(new AgencyRequestType(), {
      id: r.id,
      kind: r.kind,
      status: r.status,
      personId: r.person.id,
      personName: r.person.name,
      personEmail: r.person.email,
      personPending: r.person.status !== PersonStatus.ACTIVE,
      requestedName: r.requestedName ?? null,
      requestedAgencyId: r.requestedAgency?.id ?? null,
      requestedAgencyName: r.requestedAgency?.name ?? null,
      fromAgencyName: r.fromAgency?.name ?? null,
      resultAgencyName: r.resultAgency?.name ?? null,
      requestedAt: r.createdAt,
    });
  }
}

/** What waits for a coordinator's decision. */
@ObjectType('RegistrationQueue')
export class RegistrationQueueType {
  @Field(() => [PendingRegistrationType]) registrations!: PendingRegistrationType[];
  @Field(() => [AgencyRequestType]) agencyRequests!: AgencyRequestType[];
}
