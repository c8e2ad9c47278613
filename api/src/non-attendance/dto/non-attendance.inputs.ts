import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsEnum, IsInt, IsNotEmpty, IsOptional, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { DateField } from '../../common/date-field';
import { Type } from 'class-transformer';
import { MAX_REASON_LENGTH } from '../../common/text-arg';
import { Trim } from '../../common/input-transforms';
import { ChargeAgencyType, NonAttendanceChargeFilter } from '../non-attendance.types';

/** Which non-attendances to list: a period of London dates (YYYY-MM-DD, the end included), an agency, a charge status. */
@InputType()
export class NonAttendanceFilterInput {
  @DateField('The start of the period', 'First London date, YYYY-MM-DD.', { optional: false })
  from!: string;

  @DateField('The end of the period', 'Last London date, YYYY-MM-DD (included).', { optional: false })
  to!: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Choose an agency from the list' })
  agencyId?: string | null;

  @Field(() => NonAttendanceChargeFilter, { nullable: true })
  @IsOptional()
  @IsEnum(NonAttendanceChargeFilter, { message: 'Choose a charge status from the list' })
  charge?: NonAttendanceChargeFilter | null;
}

@InputType()
export class NonAttendanceRateInput {
  @Field(() => ChargeAgencyType)
  @IsEnum(ChargeAgencyType, { message: 'Choose an agency type from the list' })
  agencyType!: ChargeAgencyType;

  @Field(() => Int, { description: 'Pence a day, 0 for no charge.' })
  @IsInt({ message: 'Enter the charge for a non-attendance in pounds and pence, like 40 or 12.50' })
  nonAttendancePence!: number;

  @Field(() => Int, { description: 'Pence a day, 0 for no charge.' })
  @IsInt({ message: 'Enter the charge for a late cancellation in pounds and pence, like 40 or 12.50' })
  lateCancellationPence!: number;
}

/** The policy's rates for some or all agency types (types left out keep theirs). */
@InputType()
export class NonAttendancePolicyInput {
  @Field(() => [NonAttendanceRateInput])
  @IsArray({ message: 'Rates must be a list' })
  @ArrayMaxSize(50, { message: 'Give each agency type once' })
  @ValidateNested({ each: true })
  @Type(() => NonAttendanceRateInput)
  rates!: NonAttendanceRateInput[];
}

@InputType()
export class WaiveChargeInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Choose a charge from the list' })
  chargeId!: string;

  @Field(() => String, { description: 'Why the agency is not charged: kept with the charge and in the CSV.' })
  @Trim()
  @IsNotEmpty({ message: 'Enter why the charge is waived' })
  @MaxLength(MAX_REASON_LENGTH, { message: `The reason must be ${MAX_REASON_LENGTH} characters or fewer` })
  reason!: string;
}
