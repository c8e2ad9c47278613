import { Field, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsInt, IsNotEmpty, IsOptional, Max, MaxLength, Min } from 'class-validator';
import { Trim, TrimList, TrimToNull } from '../../common/input-transforms';

@InputType()
export class CreateVenueInput {
  @Field(() => String)
  @Trim()
  @IsNotEmpty({ message: 'Enter the name of the venue' })
  @MaxLength(200, { message: 'Name must be 200 characters or fewer' })
  name!: string;

  @Field(() => String)
  @Trim()
  @IsNotEmpty({ message: 'Enter the address of the venue' })
  @MaxLength(1000, { message: 'Address must be 1000 characters or fewer' })
  address!: string;

  @Field(() => [String], { description: 'Rooms a session can be given, one name each (blank ones are dropped; names are unique).' })
  @TrimList()
  @IsArray({ message: 'Rooms must be a list' })
  @ArrayMaxSize(50, { message: 'Give at most 50 rooms' })
  @MaxLength(100, { each: true, message: 'Each room name must be 100 characters or fewer' })
  rooms!: string[];

  @Field(() => Int, { nullable: true, description: 'Most people the venue holds, if known.' })
  @IsOptional()
  @IsInt({ message: 'Capacity must be a whole number' })
  @Min(1, { message: 'Capacity must be between 1 and 5000' })
  @Max(5000, { message: 'Capacity must be between 1 and 5000' })
  capacity?: number | null;

  @Field(() => String, { nullable: true, description: 'Step-free access, parking, hearing loop, quiet room...' })
  @TrimToNull()
  @IsOptional()
  @MaxLength(2000, { message: 'Accessibility notes must be 2000 characters or fewer' })
  accessibilityNotes?: string | null;
}
