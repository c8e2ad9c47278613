import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsUUID, MaxLength } from 'class-validator';
import { AgencySector } from '../../common/graphql-enums';

/** A new agency made from a person's request: the name they typed (as the coordinator corrects it) and its sector. */
@InputType()
export class CreateAgencyFromRequestInput {
  @Field(() => ID, { description: 'The agency request.' })
  @IsUUID('all', { message: 'Choose an agency request from the queue' })
  requestId!: string;

  @Field(() => String)
  @MaxLength(200, { message: "The agency's name must be 200 characters or fewer" })
  name!: string;

  @Field(() => AgencySector)
  @IsEnum(AgencySector, { message: "Choose the agency's sector" })
  sector!: AgencySector;
}
