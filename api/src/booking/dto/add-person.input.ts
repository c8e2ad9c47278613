import { Field, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsEmail, IsNotEmpty, IsUUID, MaxLength } from 'class-validator';

@InputType()
export class AddPersonToSessionInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Choose a session from the list' })
  sessionId!: string;

  @Field(() => String, { description: 'Email address of the person to add (they must have an account).' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail({}, { message: 'Enter an email address in the correct format, like name@example.org' })
  @MaxLength(320, { message: 'The email address must be 320 characters or fewer' })
  personEmail!: string;

  @Field(() => String, { description: 'Why (recorded in the booking history). Eligibility and one-per-course rules are bypassed.' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsNotEmpty({ message: 'Enter a reason for adding this person' })
  @MaxLength(500, { message: 'The reason must be 500 characters or fewer' })
  reason!: string;
}
