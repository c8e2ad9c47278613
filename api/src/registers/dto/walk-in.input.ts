import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsUUID, MaxLength } from 'class-validator';
import { TrimToNull } from '../../common/input-transforms';

/**
 * Adding someone at the door: a person who has an account (`personId`), or someone new (`name`,
 * `email`, `agencyId`: the service checks them all at once, naming each field).
 */
@InputType()
export class AddWalkInInput {
  @Field(() => ID, { description: 'Made by the device for this walk-in: sending it again adds nobody twice.' })
  @IsUUID('all', { message: 'The form could not be read: reload the page and add them again' })
  clientId!: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'Choose a part of the session' })
  partId!: string;

  @Field(() => ID, { nullable: true, description: 'Someone who has an account (from walkInCandidates or a check-in request).' })
  @IsOptional()
  @IsUUID('all', { message: 'Choose the person from the search results' })
  personId?: string | null;

  @Field(() => String, { nullable: true, description: "A new person's full name." })
  @TrimToNull()
  @IsOptional()
  @MaxLength(200, { message: 'The name must be 200 characters or fewer' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: "A new person's work email address." })
  @TrimToNull()
  @IsOptional()
  @MaxLength(320, { message: 'The email address must be 320 characters or fewer' })
  email?: string | null;

  @Field(() => ID, { nullable: true, description: "A new person's agency, from the agencies offered." })
  @IsOptional()
  @IsUUID('all', { message: 'Choose their agency from the list' })
  agencyId?: string | null;
}

@InputType()
export class CheckInInput {
  @Field(() => String, { description: 'The code on the screen, as typed or scanned (spaces and case do not matter).' })
  @MaxLength(40, { message: 'Enter the 6 characters of the code on the screen' })
  code!: string;

  @Field(() => ID, { description: 'Made by the device: checking in again with it counts once.' })
  @IsUUID('all', { message: 'The check-in could not be read: scan the code again' })
  clientId!: string;
}
