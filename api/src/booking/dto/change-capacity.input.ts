import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsUUID, Max, Min } from 'class-validator';

@InputType()
export class ChangeCapacityInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Choose a session from the list' })
  sessionId!: string;

  @Field(() => Int)
  @IsInt({ message: 'Number of places must be a whole number' })
  @Min(0, { message: 'Number of places must be 0 or more' })
  @Max(1000, { message: 'Number of places must be 1000 or fewer' })
  capacity!: number;
}
