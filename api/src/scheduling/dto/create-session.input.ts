import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsArray, IsBoolean, IsInt, IsOptional, IsString, IsUrl, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { DateField } from '../../common/date-field';
import { TrimToNull } from '../../common/input-transforms';
import { SessionPartInput } from './session-part.input';

/** Where and when a session happens: shared by creating and changing one. */
@InputType({ isAbstract: true })
export class SessionPlanInput {
  @Field(() => [SessionPartInput], { description: 'The parts in date order (one for a half or full day, two for a two-day course...).' })
  @IsArray({ message: 'Parts must be a list' })
  @ValidateNested({ each: true })
  @Type(() => SessionPartInput)
  parts!: SessionPartInput[];

  @Field(() => ID, { nullable: true, description: 'The venue; leave out for an online session.' })
  @TrimToNull()
  @IsOptional()
  @IsUUID('all', { message: 'Choose a venue from the list' })
  venueId?: string | null;

  @Field(() => String, { nullable: true, description: "One of the venue's rooms." })
  @TrimToNull()
  @IsOptional()
  @IsString({ message: 'Choose a room from the list' })
  @MaxLength(100, { message: 'Choose a room from the list' })
  room?: string | null;

  @Field(() => String, { nullable: true, description: 'Joining link (https) for an online session; leave out when at a venue.' })
  @TrimToNull()
  @IsOptional()
  @MaxLength(2000, { message: 'The online link must be 2000 characters or fewer' })
  @IsUrl(
    { protocols: ['https'], require_protocol: true, require_tld: true },
    { message: 'Enter the online link as a full https:// address, like https://meet.example.org/abc-defg' },
  )
  onlineUrl?: string | null;

  @Field(() => String, { nullable: true, description: 'What people need to know to take part: in confirmations, invites and reminders.' })
  @TrimToNull()
  @IsOptional()
  @IsString({ message: 'Joining instructions must be text' })
  @MaxLength(5000, { message: 'Joining instructions must be 5000 characters or fewer' })
  joiningInstructions?: string | null;

  @DateField('The date booking opens', 'London date booking opens (from the start of the day); none: open now.')
  bookingOpensOn?: string | null;

  @DateField('The date booking closes', 'London date booking closes (at the end of the day); none: when it starts.')
  bookingClosesOn?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      "Yes when the parts are meant to be far longer than the course's usual length (otherwise that is refused as a likely slip).",
  })
  @IsOptional()
  @IsBoolean({ message: "Say whether the parts are meant to be longer than the course's usual length" })
  confirmLongerThanCourse?: boolean | null;
}

@InputType()
export class CreateSessionInput extends SessionPlanInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Choose a course' })
  courseId!: string;

  /** Its range is checked by the service with the session's other rules (sessionCapacityProblem), so every problem comes back at once. */
  @Field(() => Int)
  @IsInt({ message: 'Capacity must be a whole number' })
  capacity!: number;

  @Field(() => Boolean, { nullable: true, description: 'Offer freed places to the first person waiting automatically (default yes).' })
  @IsOptional()
  @IsBoolean({ message: 'Say whether freed places are offered automatically' })
  autoOfferWaitlist?: boolean | null;

  @Field(() => [ID], {
    nullable: true,
    description: 'People from the training pool to put on the session as it is created (each is told once).',
  })
  @IsOptional()
  @IsArray({ message: 'Choose trainers from the list' })
  @IsUUID('all', { each: true, message: 'Choose trainers from the list' })
  trainerIds?: string[] | null;
}
