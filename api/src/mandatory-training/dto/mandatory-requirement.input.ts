import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { AgencySector, MandatoryStatus, Role } from '@lh/domain';
import { ArrayMaxSize, IsArray, IsEnum, IsInt, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { Trim } from '../../common/input-transforms';

/** A requirement as the form sends it; the rules (libs/domain requirementProblems) check the rest. */
@InputType()
export class MandatoryRequirementInput {
  @Field(() => String)
  @Trim()
  @IsString({ message: 'Enter a name for the requirement' })
  @MaxLength(200, { message: 'The name must be 200 characters or fewer' })
  name!: string;

  @Field(() => [Role])
  @IsArray()
  @IsEnum(Role, { each: true, message: 'Choose roles from the list' })
  roles!: Role[];

  @Field(() => [ID])
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true, message: 'Choose agencies from the list' })
  agencyIds!: string[];

  @Field(() => [AgencySector])
  @IsArray()
  @IsEnum(AgencySector, { each: true, message: 'Choose agency sectors from the list' })
  sectors!: AgencySector[];

  @Field(() => [ID])
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true, message: 'Choose courses from the list' })
  courseIds!: string[];

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt({ message: 'The lowest level of learning elsewhere must be a level from 1 to 4' })
  externalMinLevel?: number | null;

  @Field(() => Int)
  @IsInt({ message: 'How long a completion stays valid must be a whole number of months' })
  validityMonths!: number;

  @Field(() => Int)
  @IsInt({ message: 'When new starters must complete it must be a whole number of months' })
  newStarterMonths!: number;

  @Field(() => Int)
  @IsInt({ message: 'When the refresher becomes due must be a whole number of months' })
  refresherMonths!: number;
}

/** Which people behind a compliance figure to list. */
@InputType()
export class CompliancePeopleFilterInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Choose a requirement from the list' })
  requirementId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Choose an agency from the list' })
  agencyId?: string | null;

  @Field(() => MandatoryStatus, { nullable: true })
  @IsOptional()
  @IsEnum(MandatoryStatus, { message: 'Choose a status from the list' })
  status?: MandatoryStatus | null;
}
