import { Field, InputType } from '@nestjs/graphql';
import { IsNotEmpty, MaxLength } from 'class-validator';
import { Trim } from '../../common/input-transforms';

@InputType()
export class CreatePriorityAreaInput {
  @Field(() => String, { description: 'For example "Neglect" or "Contextual Safeguarding".' })
  @Trim()
  @IsNotEmpty({ message: 'Enter the name of the priority area' })
  @MaxLength(200, { message: 'Name must be 200 characters or fewer' })
  name!: string;
}
