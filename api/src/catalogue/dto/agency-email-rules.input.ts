import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsBoolean, IsUUID, Matches, MaxLength } from 'class-validator';

@InputType()
export class AgencyEmailRulesInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Choose an agency from the list' })
  agencyId!: string;

  @Field(() => [String], { description: 'Domains like "northshire.gov.uk" (an "@" in front is ignored).' })
  @IsArray()
  @ArrayMaxSize(20, { message: 'Give at most 20 email domains' })
  @MaxLength(253, { each: true, message: 'Each email domain must be 253 characters or fewer' })
  @Matches(/^\s*@?[a-z0-9-]+(\.[a-z0-9-]+)+\s*$/i, { each: true, message: 'Enter each email domain like northshire.gov.uk' })
  emailDomains!: string[];

  @Field(() => Boolean)
  @IsBoolean()
  managerEmailOnDomains!: boolean;
}
