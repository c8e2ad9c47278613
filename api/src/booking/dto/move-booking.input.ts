import { Field, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsUUID, MaxLength } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

@InputType()
export class MoveBookingInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Choose a booking from the list' })
  bookingId!: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'Choose the session to move to' })
  toSessionId!: string;

  @Field(() => String, { description: 'Recorded in the history of both bookings.' })
  @Transform(trim)
  @IsNotEmpty({ message: 'Enter a reason for moving the booking' })
  @MaxLength(500, { message: 'The reason must be 500 characters or fewer' })
  reason!: string;
}
