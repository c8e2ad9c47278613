import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsUUID, Max, Min } from 'class-validator';

@InputType()
export class ChangeCapacityInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'sessionId must be the id of a session' })
  sessionId!: string;

  @Field(() => Int)
  @IsInt({ message: 'capacity must be a whole number' })
  @Min(0, { message: 'capacity must be 0 or more' })
  @Max(1000, { message: 'capacity must be 1000 or fewer' })
  capacity!: number;
}
