import { Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsOptional, IsUUID } from 'class-validator';
import { SessionPlanInput } from './create-session.input';

/**
 * A session's new parts, place and booking window (all of them: the edit form sends the whole plan).
 * Capacity is changed on the session's page (changeSessionCapacity), which never goes below the places held.
 */
@InputType()
export class UpdateSessionInput extends SessionPlanInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Choose a session from the list' })
  sessionId!: string;

  @Field(() => Boolean, { nullable: true, description: 'Offer freed places automatically; leave out to keep the setting.' })
  @IsOptional()
  @IsBoolean({ message: 'Say whether freed places are offered automatically' })
  autoOfferWaitlist?: boolean | null;
}
