import { Field, InputType } from '@nestjs/graphql';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import type { ClockChangeOccurrence as Occurrence } from '@lh/domain';
import { ClockChangeOccurrence } from '../../common/graphql-enums';
import { Trim } from '../../common/input-transforms';

/**
 * One part of a session in London wall-clock time. The formats, the clock changes and the order of
 * the parts are checked together by `londonSchedule` (libs/domain), which names the part in its messages.
 */
@InputType()
export class SessionPartInput {
  @Field(() => String, { description: 'London date, YYYY-MM-DD.' })
  @Trim()
  @IsString({ message: 'Enter each date in the form YYYY-MM-DD' })
  @MaxLength(20, { message: 'Enter each date in the form YYYY-MM-DD' })
  date!: string;

  @Field(() => String, { description: 'Start, London wall-clock time, HH:MM (24-hour).' })
  @Trim()
  @IsString({ message: 'Enter each time as 24-hour HH:MM, like 09:30' })
  @MaxLength(20, { message: 'Enter each time as 24-hour HH:MM, like 09:30' })
  startTime!: string;

  @Field(() => String, { description: 'End on the same day, London wall-clock time, HH:MM (24-hour).' })
  @Trim()
  @IsString({ message: 'Enter each time as 24-hour HH:MM, like 09:30' })
  @MaxLength(20, { message: 'Enter each time as 24-hour HH:MM, like 09:30' })
  endTime!: string;

  @Field(() => ClockChangeOccurrence, {
    nullable: true,
    description: 'When the start time happens twice (the clocks go back): FIRST (BST) or SECOND (GMT). Needed only then.',
  })
  @IsOptional()
  @IsIn(Object.values(ClockChangeOccurrence), { message: 'Choose the first (BST) or second (GMT)' })
  startOccurrence?: Occurrence | null;

  @Field(() => ClockChangeOccurrence, {
    nullable: true,
    description: 'When the end time happens twice (the clocks go back): FIRST (BST) or SECOND (GMT). Needed only then.',
  })
  @IsOptional()
  @IsIn(Object.values(ClockChangeOccurrence), { message: 'Choose the first (BST) or second (GMT)' })
  endOccurrence?: Occurrence | null;
}
