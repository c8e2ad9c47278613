import { Field, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsEmail, IsOptional, MaxLength } from 'class-validator';

const trimToNull = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || null : value);

@InputType()
export class UpdateProfileInput {
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
