import { Field, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsEmail, IsOptional, IsUUID, MaxLength } from 'class-validator';

const trimToNull = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || null : value);
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** What a person changes about themselves; a field left out stays as it is. */
@InputType()
export class UpdateProfileInput {
  @Field(() => String, { nullable: true, description: 'Your full name (cannot be empty).' })
  @Transform(trim)
  @IsOptional()
  @MaxLength(200, { message: 'Your full name must be 200 characters or fewer' })
  name?: string;

  @Field(() => String, { nullable: true, description: 'Your job title (empty to clear it).' })
  @Transform(trimToNull)
  @IsOptional()
  @MaxLength(200, { message: 'Your job title must be 200 characters or fewer' })
  jobTitle?: string | null;

  @Field(() => String, { nullable: true, description: 'Your team (empty to clear it).' })
  @Transform(trimToNull)
  @IsOptional()
  @MaxLength(200, { message: 'Your team must be 200 characters or fewer' })
  team?: string | null;

  @Field(() => String, { nullable: true, description: "Your usual line manager's email (empty to clear it)." })
  @Transform(trimToNull)
  @IsOptional()
  @MaxLength(320, { message: "Your line manager's email address must be 320 characters or fewer" })
  @IsEmail({}, { message: "Enter your line manager's email address in the correct format, like name@example.org" })
  lineManagerEmail?: string | null;

  @Field(() => String, { nullable: true, description: 'Access needs or reasonable adjustments (empty to clear them).' })
  @Transform(trimToNull)
  @IsOptional()
  @MaxLength(2000, { message: 'Access needs must be 2000 characters or fewer' })
  accessNeeds?: string | null;

  @Field(() => String, { nullable: true, description: 'Dietary needs (empty to clear them).' })
  @Transform(trimToNull)
  @IsOptional()
  @MaxLength(1000, { message: 'Dietary needs must be 1000 characters or fewer' })
  dietaryNeeds?: string | null;
}

/** Asking to move to another agency: one from the list, or the name of one that is not listed. A coordinator confirms it. */
@InputType()
export class RequestAgencyMoveInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Choose your new agency from the list' })
  agencyId?: string | null;

  @Field(() => String, { nullable: true, description: 'The name of your new agency when it is not listed.' })
  @Transform(trim)
  @IsOptional()
  @MaxLength(200, { message: "Your agency's name must be 200 characters or fewer" })
  agencyName?: string | null;
}
