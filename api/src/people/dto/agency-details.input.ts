import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsBoolean, IsEnum, IsOptional, IsUUID, MaxLength } from 'class-validator';
import { AgencySector } from '../../common/graphql-enums';
import { Trim, TrimList } from '../../common/input-transforms';

/**
 * An agency's details, as on the "Add an agency" and "Change an agency" forms. What needs a rule
 * (an empty or duplicate name, a domain that is not one) is checked by the service, all at once.
 */
@InputType()
export class CreateAgencyInput {
  @Field(() => String, { description: 'Unique whatever its case.' })
  @Trim()
  @MaxLength(200, { message: 'Enter a name of 200 characters or fewer' })
  name!: string;

  @Field(() => AgencySector, { nullable: true, description: 'Required: null is refused with the other problems of the form.' })
  @IsOptional()
  @IsEnum(AgencySector, { message: 'Choose the sector from the list' })
  sector?: AgencySector | null;

  @Field(() => Boolean, { nullable: true, description: 'Statutory partner or not: charges depend on it. Required, like sector.' })
  @IsOptional()
  @IsBoolean()
  statutoryPartner?: boolean | null;

  @Field(() => [String], { description: 'Domains like "northshire.gov.uk" (an "@" in front is ignored).' })
  @IsArray()
  @TrimList()
  @ArrayMaxSize(100, { message: 'Enter at most 20 email domains' })
  @MaxLength(253, { each: true, message: 'Enter each email domain like northshire.gov.uk, in 253 characters or fewer' })
  emailDomains!: string[];

  @Field(() => Boolean, { description: "Line managers who approve its staff's bookings must use an address on these domains." })
  @IsBoolean()
  managerEmailOnDomains!: boolean;
}

@InputType()
export class UpdateAgencyInput extends CreateAgencyInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Choose an agency from the list' })
  agencyId!: string;
}

/** How an agency's people sign in: the Microsoft Entra tenants it accepts, and whether passwords still work. */
@InputType()
export class AgencySignInInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Choose an agency from the list' })
  agencyId!: string;

  @Field(() => [String], { description: 'Microsoft Entra tenant ids (GUIDs).' })
  @IsArray()
  @TrimList()
  @ArrayMaxSize(100, { message: 'Enter at most 20 tenant ids' })
  @MaxLength(100, { each: true, message: 'Enter each tenant id as a GUID like 72f988bf-86f1-41af-91ab-2d7cd011db47' })
  ssoTenantIds!: string[];

  @Field(() => Boolean, { description: 'Whether its people may also sign in with a password.' })
  @IsBoolean()
  passwordSignIn!: boolean;
}
