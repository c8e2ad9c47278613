import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { ArrayMinSize, IsBoolean, IsEmail, IsEnum, IsInt, IsNotEmpty, IsOptional, IsUUID, MaxLength, Min } from 'class-validator';
import { PersonStatus, Role } from '../../common/graphql-enums';
import { Trim, TrimToNull } from '../../common/input-transforms';

@InputType()
export class PeopleFilterInput {
  @Field(() => String, { nullable: true, description: 'Part of a name or email address.' })
  @TrimToNull()
  @IsOptional()
  @MaxLength(200, { message: 'Search for 200 characters or fewer' })
  text?: string | null;

  @Field(() => Role, { nullable: true })
  @IsOptional()
  @IsEnum(Role, { message: 'Choose a role from the list' })
  role?: Role | null;

  @Field(() => PersonStatus, { nullable: true })
  @IsOptional()
  @IsEnum(PersonStatus, { message: 'Choose a status from the list' })
  status?: PersonStatus | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Choose an agency from the list' })
  agencyId?: string | null;

  @Field(() => Int, { nullable: true, description: 'From 1; 25 people a page.' })
  @IsOptional()
  @IsInt({ message: 'The page must be a whole number' })
  @Min(1, { message: 'The page must be 1 or more' })
  page?: number | null;
}

/** What a coordinator fills in about a person (adding or changing). */
@InputType()
export class PersonDetailsInput {
  @Field(() => String)
  @Trim()
  @IsNotEmpty({ message: 'Enter their name' })
  @MaxLength(200, { message: 'The name must be 200 characters or fewer' })
  name!: string;

  @Field(() => String)
  @Trim()
  @MaxLength(320, { message: 'The email address must be 320 characters or fewer' })
  @IsEmail({}, { message: 'Enter an email address in the correct format, like name@example.org' })
  // last, so it is checked (and named) first
  @IsNotEmpty({ message: 'Enter their work email address' })
  email!: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'Choose their agency' })
  agencyId!: string;

  @Field(() => String, { nullable: true })
  @TrimToNull()
  @IsOptional()
  @MaxLength(200, { message: 'The job title must be 200 characters or fewer' })
  jobTitle?: string | null;

  @Field(() => String, { nullable: true })
  @TrimToNull()
  @IsOptional()
  @MaxLength(200, { message: 'The team must be 200 characters or fewer' })
  team?: string | null;
}

@InputType()
export class CreatePersonInput extends PersonDetailsInput {
  @Field(() => [Role])
  @ArrayMinSize(1, { message: 'Choose at least one role' })
  @IsEnum(Role, { each: true, message: 'Choose roles from the list' })
  roles!: Role[];

  @Field(() => Boolean, { description: 'Mail them a link to set a password (valid for 7 days).' })
  @IsBoolean()
  sendInvitation!: boolean;
}

@InputType()
export class UpdatePersonInput extends PersonDetailsInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Choose a person' })
  personId!: string;

  @Field(() => String, { nullable: true, description: 'Their usual line manager (empty to clear it).' })
  @TrimToNull()
  @IsOptional()
  @MaxLength(320, { message: "The line manager's email address must be 320 characters or fewer" })
  @IsEmail({}, { message: "Enter the line manager's email address in the correct format, like name@example.org" })
  lineManagerEmail?: string | null;
}
