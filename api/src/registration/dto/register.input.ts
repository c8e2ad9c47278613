import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsUUID, MaxLength } from 'class-validator';
import { PASSWORD_MAX_LENGTH } from '@lh/domain';

/**
 * A registration. Only lengths are checked at the edge: the service checks everything else itself so
 * the person hears about every problem in one round (missing answers, formats, the password rule,
 * shared mailboxes, a retired agency, their line manager's address).
 */
@InputType()
export class RegisterInput {
  @Field(() => String)
  @MaxLength(200, { message: 'Your full name must be 200 characters or fewer' })
  name!: string;

  @Field(() => String)
  @MaxLength(320, { message: 'Your email address must be 320 characters or fewer' })
  email!: string;

  @Field(() => String)
  @MaxLength(PASSWORD_MAX_LENGTH, { message: `Your password must be ${PASSWORD_MAX_LENGTH} characters or fewer` })
  password!: string;

  @Field(() => ID, { nullable: true, description: 'Your agency, from the list (leave out when it is not listed).' })
  @IsOptional()
  @IsUUID('all', { message: 'Choose your agency from the list' })
  agencyId?: string | null;

  @Field(() => String, { nullable: true, description: 'The name of your agency when it is not listed: a coordinator adds it or finds it.' })
  @IsOptional()
  @MaxLength(200, { message: "Your agency's name must be 200 characters or fewer" })
  agencyName?: string | null;

  @Field(() => String)
  @MaxLength(200, { message: 'Your job title must be 200 characters or fewer' })
  jobTitle!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200, { message: 'Your team must be 200 characters or fewer' })
  team?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(320, { message: "Your line manager's email address must be 320 characters or fewer" })
  lineManagerEmail?: string | null;
}
