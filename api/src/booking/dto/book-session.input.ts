import { Field, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsEmail, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || undefined : value);

@InputType()
export class BookSessionInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Choose a session from the list' })
  sessionId!: string;

  @Field(() => String, { nullable: true, description: 'Access needs or reasonable adjustments.' })
  @IsOptional()
  @Transform(trim)
  @MaxLength(2000, { message: 'Access needs must be 2000 characters or fewer' })
  accessNeeds?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Transform(trim)
  @MaxLength(1000, { message: 'Dietary needs must be 1000 characters or fewer' })
  dietaryNeeds?: string | null;

  @Field(() => String, { nullable: true, description: "Line manager's email, where the course needs approval." })
  @IsOptional()
  @Transform(trim)
  @IsEmail({}, { message: "Enter your manager's email address in the correct format, like name@example.org" })
  @MaxLength(320, { message: "Your manager's email address must be 320 characters or fewer" })
  managerEmail?: string;

  @Field(() => String, {
    nullable: true,
    description: 'A key the client makes once per booking attempt; a retry with the same key returns the same booking.',
  })
  @IsOptional()
  @IsString({ message: 'The booking request key must be text' })
  @MinLength(8, { message: 'The booking request key must be at least 8 characters' })
  @MaxLength(100, { message: 'The booking request key must be 100 characters or fewer' })
  idempotencyKey?: string;
}
