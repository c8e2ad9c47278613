import { Field, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsEmail, IsNotEmpty, MaxLength } from 'class-validator';

@InputType()
export class SignInInput {
  @Field(() => String)
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsEmail({}, { message: 'Enter an email address in the correct format, like name@example.org' })
  @MaxLength(320)
  email!: string;

  @Field(() => String)
  @IsNotEmpty({ message: 'Enter your password' })
  @MaxLength(500)
  password!: string;
}
