import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, IsUUID, MaxLength } from 'class-validator';

/** Copies a session onto other London dates: same course, parts' times and lengths, place, places and trainers. */
@InputType()
export class CopySessionInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Choose a session' })
  sessionId!: string;

  @Field(() => [String], { description: 'London dates, YYYY-MM-DD, of the first part of each copy.' })
  @IsArray({ message: 'Enter the dates as a list' })
  @ArrayMinSize(1, { message: 'Enter at least one date' })
  @ArrayMaxSize(52, { message: 'Enter 52 dates or fewer at a time' })
  @IsString({ each: true, message: 'Each date must be a real date' })
  @MaxLength(10, { each: true, message: 'Each date must be a real date' })
  dates!: string[];
}
