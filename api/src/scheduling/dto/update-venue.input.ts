import { Field, ID, InputType } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';
import { CreateVenueInput } from './create-venue.input';

/** A venue's new details (all of them: the edit form sends the whole venue). */
@InputType()
export class UpdateVenueInput extends CreateVenueInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Choose a venue from the list' })
  id!: string;
}
