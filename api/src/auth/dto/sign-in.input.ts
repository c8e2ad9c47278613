import { Field, InputType } from '@nestjs/graphql';
import { IsEmail, IsNotEmpty, MaxLength } from 'class-validator';

@InputType()
export class SignInInput {
  @Field(() => String)
  @IsEmail({}, { message: 'Enter an email address in the correct format, like name@example.org' })
  @MaxLength(320)
  email!: string;

  @Field(() => String)
  @IsNotEmpty({ message: 'Enter your password' })
  @MaxLength(500)
  password!: string;
}
