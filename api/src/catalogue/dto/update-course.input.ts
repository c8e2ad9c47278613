import { Field, ID, InputType } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';
import { CreateCourseInput } from './create-course.input';

/** A course's new settings (all of them: the edit form sends the whole course). */
@InputType()
export class UpdateCourseInput extends CreateCourseInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Choose a course from the list' })
  id!: string;
}
