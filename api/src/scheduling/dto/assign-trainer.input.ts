import { Field, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsEmail, IsUUID, MaxLength } from 'class-validator';

@InputType()
export class AssignTrainerInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Choose a session from the list' })
  sessionId!: string;

  @Field(() => String, { description: 'Email address of a member of the training pool (a person with the trainer role).' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail({}, { message: 'Enter an email address in the correct format, like name@example.org' })
  @MaxLength(320, { message: 'The email address must be 320 characters or fewer' })
  personEmail!: string;
}
