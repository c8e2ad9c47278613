import { Field, Int, ObjectType } from '@nestjs/graphql';
import { BookingStatus, PersonStatus, Role } from '../common/graphql-enums';
import { PersonSummaryType } from './people-admin.types';

@ObjectType('MergeDuplicateBooking', { description: 'Both accounts have a live booking on this session: one is kept.' })
export class MergeDuplicateBookingType {
  @Field(() => String) courseTitle!: string;
  @Field(() => Date) startsAt!: Date;
  @Field(() => BookingStatus) keptStatus!: BookingStatus;
  @Field(() => BookingStatus) cancelledStatus!: BookingStatus;
  @Field(() => String, { description: 'The email of the account whose booking is kept.' }) keptFrom!: string;
}

@ObjectType('MergePreview', { description: 'What merging one account into another will do, before it is done.' })
export class MergePreviewType {
  @Field(() => PersonSummaryType) keep!: PersonSummaryType;
  @Field(() => PersonSummaryType) mergeAway!: PersonSummaryType;
  @Field(() => Int, { description: 'Bookings (with their history) that move to the kept account.' }) bookingsMoved!: number;
  @Field(() => Int, { description: 'History entries made by the merged account, that will name the kept one.' }) actionsMoved!: number;
  @Field(() => Int) signedInSessionsMoved!: number;
  @Field(() => Int) trainerAssignmentsMoved!: number;
  @Field(() => [MergeDuplicateBookingType]) duplicates!: MergeDuplicateBookingType[];
  @Field(() => [Role]) rolesAfter!: Role[];
  @Field(() => PersonStatus) statusAfter!: PersonStatus;
  @Field(() => [String], { description: 'Everything else that will happen, in sentences.' }) notes!: string[];
}
