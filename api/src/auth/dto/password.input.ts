import { Field, InputType } from '@nestjs/graphql';
import { IsNotEmpty, MaxLength, MinLength } from 'class-validator';
import { PASSWORD_MAX_LENGTH as PASSWORD_MAX, PASSWORD_MIN_LENGTH as PASSWORD_MIN } from '@lh/domain';

@InputType()
export class SetPasswordWithLinkInput {
  @Field(() => String, { description: 'The token from the link in the mail.' })
  @IsNotEmpty({ message: 'This link is not complete: use the link from the email' })
  @MaxLength(200, { message: 'This link is not complete or has been changed: use the link from the email' })
  token!: string;

  @Field(() => String)
  @IsNotEmpty({ message: 'Choose a password' })
  @MinLength(PASSWORD_MIN, { message: `Your password must be at least ${PASSWORD_MIN} characters` })
  @MaxLength(PASSWORD_MAX, { message: `Your password must be ${PASSWORD_MAX} characters or fewer` })
  password!: string;
}

@InputType()
export class ChangePasswordInput {
  @Field(() => String)
  @IsNotEmpty({ message: 'Enter your current password' })
  @MaxLength(500, { message: 'Your current password must be 500 characters or fewer' })
  currentPassword!: string;

  @Field(() => String)
  @IsNotEmpty({ message: 'Choose a new password' })
  @MinLength(PASSWORD_MIN, { message: `Your new password must be at least ${PASSWORD_MIN} characters` })
  @MaxLength(PASSWORD_MAX, { message: `Your new password must be ${PASSWORD_MAX} characters or fewer` })
  newPassword!: string;
}
