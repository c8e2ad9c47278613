import { Field, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsEmail, IsNotEmpty, MaxLength } from 'class-validator';

@InputType()
export class SignInInput {
  @Field(() => String)
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsEmail({}, { message: 'Enter an email address in the correct format, like name@example.org' })
  @MaxLength(320, { message: 'Your email address must be 320 characters or fewer' })
  email!: string;

  @Field(() => String)
  @IsNotEmpty({ message: 'Enter your password' })
  @MaxLength(500, { message: 'Your password must be 500 characters or fewer' })
  password!: string;
}
