import { Field, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsEmail, IsEnum, IsOptional, IsUUID, MaxLength } from 'class-validator';
import { MailStatus } from '@lh/domain';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || undefined : value);

@InputType()
export class MailLogFilterInput {
  @Field(() => ID, { nullable: true })
  @Transform(trim)
  @IsOptional()
  @IsUUID('all', { message: 'Enter a person id in the right format, like 1b0c4e5a-8f2e-4d1a-9c3b-2a7d6e5f4c3b' })
  personId?: string;

  @Field(() => String, { nullable: true, description: 'The recipient’s email address.' })
  @Transform(trim)
  @IsOptional()
  @IsEmail({}, { message: 'Enter an email address in the correct format, like name@example.org' })
  @MaxLength(320, { message: 'The email address must be 320 characters or fewer' })
  email?: string;

  @Field(() => ID, { nullable: true })
  @Transform(trim)
  @IsOptional()
  @IsUUID('all', { message: 'Enter a session id in the right format, like 1b0c4e5a-8f2e-4d1a-9c3b-2a7d6e5f4c3b' })
  sessionId?: string;

  @Field(() => MailStatus, { nullable: true })
  @IsOptional()
  @IsEnum(MailStatus, { message: 'Choose a status from the list' })
  status?: MailStatus;
}
