import { Field, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsEmail, IsOptional, IsUUID, MaxLength, MinLength } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || undefined : value);

@InputType()
export class BookSessionInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'sessionId must be the id of a session' })
  sessionId!: string;

  @Field(() => String, { nullable: true, description: 'Access needs or reasonable adjustments.' })
  @IsOptional()
  @Transform(trim)
  @MaxLength(2000, { message: 'accessNeeds must be 2000 characters or fewer' })
  accessNeeds?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Transform(trim)
  @MaxLength(1000, { message: 'dietaryNeeds must be 1000 characters or fewer' })
  dietaryNeeds?: string;

  @Field(() => String, { nullable: true, description: "Line manager's email, where the course needs approval." })
  @IsOptional()
  @Transform(trim)
  @IsEmail({}, { message: "Enter your manager's email address in the correct format, like name@example.org" })
  managerEmail?: string;

  @Field(() => String, {
    nullable: true,
    description: 'A key the client makes once per booking attempt; a retry with the same key returns the same booking.',
  })
  @IsOptional()
  @MinLength(8, { message: 'idempotencyKey must be at least 8 characters' })
  @MaxLength(100, { message: 'idempotencyKey must be 100 characters or fewer' })
  idempotencyKey?: string;
}
