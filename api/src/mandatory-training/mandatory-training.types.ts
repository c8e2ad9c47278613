import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { AgencySector, BookingStatus, MandatoryStatus, Role } from '@lh/domain';
import '../common/graphql-enums';

registerEnumType(MandatoryStatus, {
  name: 'MandatoryStatus',
  description:
    'CURRENT: valid; DUE_SOON: in the refresher window; OVERDUE: a new starter past the deadline, never completed; EXPIRED: the last completion is no longer valid; NOT_YET_DUE: a new starter still in their window.',
});

export { MandatoryStatus };

@ObjectType('MandatoryRequirement')
export class MandatoryRequirementType {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => [Role]) roles!: Role[];
  @Field(() => [ID]) agencyIds!: string[];
  @Field(() => [String], { description: 'Names of those agencies.' }) agencyNames!: string[];
  @Field(() => [AgencySector]) sectors!: AgencySector[];
  @Field(() => [ID]) courseIds!: string[];
  @Field(() => [String], { description: 'Titles of those courses.' }) courseTitles!: string[];
  @Field(() => Int, { nullable: true, description: 'Learning elsewhere of at least this level counts too.' })
  externalMinLevel!: number | null;
  @Field(() => Int) validityMonths!: number;
  @Field(() => Int) newStarterMonths!: number;
  @Field(() => Int) refresherMonths!: number;
  @Field(() => Date) updatedAt!: Date;
}

@ObjectType('BookableSession', { description: 'A coming session that would satisfy a requirement, bookable now.' })
export class BookableSessionType {
  @Field(() => ID) id!: string;
  @Field(() => ID) courseId!: string;
  @Field(() => String) courseTitle!: string;
  @Field(() => Date) startsAt!: Date;
  @Field(() => Date) endsAt!: Date;
  @Field(() => String, { description: 'The venue, or "Online".' }) place!: string;
}

@ObjectType('YourMandatoryBooking', { description: "A person's live booking on a coming session that would satisfy a requirement." })
export class YourBookingType extends BookableSessionType {
  @Field(() => ID) bookingId!: string;
  @Field(() => BookingStatus, { description: 'Confirmed, offered, waiting for approval, or on the waiting list.' }) status!: BookingStatus;
}

@ObjectType('RequirementStanding', { description: 'Where one person stands against one requirement today (London dates).' })
export class RequirementStandingType {
  @Field(() => ID) requirementId!: string;
  @Field(() => String) requirementName!: string;
  @Field(() => MandatoryStatus) status!: MandatoryStatus;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: the latest completion that counts.' }) lastCompletedOn!: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: the last day it is valid.' }) validUntil!: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: the first day of the refresher window.' }) refresherFrom!: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: never completed, the last day to complete it.' }) dueBy!: string | null;
  @Field(() => [BookableSessionType], {
    description:
      'For a requirement not current: sessions that would satisfy it and they could book (none of a course they already hold a live booking on).',
  })
  sessions!: BookableSessionType[];
  @Field(() => [YourBookingType], {
    description: 'For a requirement not current: their live bookings on coming sessions that would satisfy it.',
  })
  yourBookings!: YourBookingType[];
}

@ObjectType('MandatoryTrainingOf', { description: "One person's mandatory training." })
export class MandatoryTrainingOfType {
  @Field(() => ID) personId!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { description: 'YYYY-MM-DD: London today, the date the statuses are for.' }) today!: string;
  @Field(() => [RequirementStandingType]) standings!: RequirementStandingType[];
}

@ObjectType('StatusCount')
export class StatusCountType {
  @Field(() => MandatoryStatus) status!: MandatoryStatus;
  @Field(() => Int) count!: number;
  @Field(() => Float, { description: 'Share of the people it applies to, in per cent, one decimal place.' }) percent!: number;
}

@ObjectType('ComplianceFigure', { description: 'How many of the people a requirement applies to stand where.' })
export class ComplianceFigureType {
  @Field(() => ID, { nullable: true, description: 'The requirement or agency (null: no agency, or the partnership).' })
  id!: string | null;
  @Field(() => String) label!: string;
  @Field(() => Int, { description: 'People it applies to.' }) applies!: number;
  @Field(() => [StatusCountType], { description: 'Every status, in order, with its count and share.' }) statuses!: StatusCountType[];
}

@ObjectType('Compliance')
export class ComplianceType {
  @Field(() => String) today!: string;
  @Field(() => ComplianceFigureType, { description: 'Every requirement and person together.' }) total!: ComplianceFigureType;
  @Field(() => [ComplianceFigureType]) byRequirement!: ComplianceFigureType[];
  @Field(() => [ComplianceFigureType]) byAgency!: ComplianceFigureType[];
}

@ObjectType('CompliancePerson', { description: 'One person behind a compliance figure (coordinators and agency leads).' })
export class CompliancePersonType {
  @Field(() => ID) personId!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) agencyName!: string | null;
  @Field(() => ID) requirementId!: string;
  @Field(() => String) requirementName!: string;
  @Field(() => MandatoryStatus) status!: MandatoryStatus;
  @Field(() => String, { nullable: true }) lastCompletedOn!: string | null;
  @Field(() => String, { nullable: true }) validUntil!: string | null;
  @Field(() => String, { nullable: true }) dueBy!: string | null;
}

@ObjectType('AgencyCompliance', { description: "An agency lead's view: their agency's staff and figures beside the partnership's." })
export class AgencyComplianceType {
  @Field(() => ID) agencyId!: string;
  @Field(() => String) agencyName!: string;
  @Field(() => String) today!: string;
  @Field(() => [CompliancePersonType]) people!: CompliancePersonType[];
  @Field(() => ComplianceFigureType) agency!: ComplianceFigureType;
  @Field(() => [ComplianceFigureType], { description: 'The agency, by requirement.' }) byRequirement!: ComplianceFigureType[];
  @Field(() => ComplianceFigureType) partnership!: ComplianceFigureType;
}
