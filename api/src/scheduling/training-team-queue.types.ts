import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('QueueApproval', { description: "A booking waiting for a line manager's approval." })
export class QueueApprovalType {
  @Field(() => ID) bookingId!: string;
  @Field(() => ID) sessionId!: string;
  @Field(() => String) courseTitle!: string;
  @Field(() => Date) sessionStartsAt!: Date;
  @Field(() => String) personName!: string;
  @Field(() => String, { nullable: true }) agencyName!: string | null;
  @Field(() => Date, { description: 'When it started waiting for approval.' }) waitingSince!: Date;
}

@ObjectType('QueueOffer', { description: 'An offer of a freed place that ends soon.' })
export class QueueOfferType {
  @Field(() => ID) bookingId!: string;
  @Field(() => ID) sessionId!: string;
  @Field(() => String) courseTitle!: string;
  @Field(() => Date) sessionStartsAt!: Date;
  @Field(() => String) personName!: string;
  @Field(() => Date) offerExpiresAt!: Date;
}

@ObjectType('QueueUnderFilledSession', { description: 'A coming session with few of its places held.' })
export class QueueUnderFilledType {
  @Field(() => ID) sessionId!: string;
  @Field(() => String) courseTitle!: string;
  @Field(() => Date) startsAt!: Date;
  @Field(() => Int) capacity!: number;
  @Field(() => Int, { description: 'Places held: confirmed, offered and awaiting approval.' }) booked!: number;
}

/** Everything waiting for the training team, across sessions. */
@ObjectType('TrainingTeamQueue')
export class TrainingTeamQueueType {
  @Field(() => [QueueApprovalType], { description: 'Oldest first.' }) approvals!: QueueApprovalType[];
  @Field(() => [QueueOfferType], { description: 'Offers ending within offerHours, soonest first.' }) expiringOffers!: QueueOfferType[];
  @Field(() => Int, { description: 'Registrations and agency requests waiting for a decision (at /manage/requests).' })
  registrationsToApprove!: number;
  @Field(() => [QueueUnderFilledType], { description: 'Soonest first.' }) underFilled!: QueueUnderFilledType[];
  @Field(() => Int) offerHours!: number;
  @Field(() => Float, { description: 'A session is under-filled below this share of its places held...' }) underFilledShare!: number;
  @Field(() => Int, { description: '...when it starts within this many days.' }) underFilledWithinDays!: number;
}
