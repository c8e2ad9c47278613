import { Field, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsEmail, IsOptional, Matches, MaxLength } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
export const EMAIL_FORMAT = 'Enter an email address in the correct format, like name@example.org';

@InputType()
export class RequestSignInLinkInput {
  @Field(() => String)
  @Transform(trim)
  @IsEmail({}, { message: EMAIL_FORMAT })
  @MaxLength(320, { message: 'Your email address must be 320 characters or fewer' })
  email!: string;

  @Field(() => String, { nullable: true, description: 'The page (a path on the web app) to bring them back to after signing in.' })
  @IsOptional()
  @Matches(/^\/(?![/\\])/, { message: 'The page to return to must be a path on this site' })
  @MaxLength(2000, { message: 'The page to return to must be 2000 characters or fewer' })
  next?: string | null;
}

@InputType()
export class RequestPasswordResetInput {
  @Field(() => String)
  @Transform(trim)
  @IsEmail({}, { message: EMAIL_FORMAT })
  @MaxLength(320, { message: 'Your email address must be 320 characters or fewer' })
  email!: string;
}
