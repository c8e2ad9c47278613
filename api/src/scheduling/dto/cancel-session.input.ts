import { Field, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsUUID, MaxLength } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

@InputType()
export class CancelSessionInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Choose a session from the list' })
  sessionId!: string;

  @Field(() => String, { description: 'Told to everyone booked.' })
  @Transform(trim)
  @IsNotEmpty({ message: 'Enter a reason for cancelling the session' })
  @MaxLength(500, { message: 'The reason must be 500 characters or fewer' })
  reason!: string;
}
