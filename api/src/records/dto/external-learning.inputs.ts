import { Field, Float, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsNumber, IsOptional, IsString, MaxLength } from 'class-validator';

/** Learning done elsewhere, as the form sends it; the rules (checkExternalLearning) name each field. */
@InputType()
export class SubmitExternalLearningInput {
  @Field(() => String)
  @IsString({ message: 'Enter the course title' })
  @MaxLength(1000, { message: 'The course title must be 200 characters or fewer' })
  title!: string;

  @Field(() => String)
  @IsString({ message: 'Enter who provided the course' })
  @MaxLength(1000, { message: 'The provider must be 200 characters or fewer' })
  provider!: string;

  @Field(() => String, { description: 'London date, YYYY-MM-DD.' })
  @IsString({ message: 'Enter the date you completed it as a real date, for example 27 3 2026' })
  @MaxLength(20, { message: 'Enter the date you completed it as a real date, for example 27 3 2026' })
  completedOn!: string;

  @Field(() => Float)
  @IsNumber({}, { message: 'Hours must be more than 0' })
  hours!: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt({ message: 'Level must be 1, 2, 3 or 4' })
  level?: number | null;

  @Field(() => String, { description: 'The file’s name on the device it came from.' })
  @IsString({ message: 'Choose an evidence file (a certificate or letter) to upload' })
  @MaxLength(255, { message: 'The evidence file’s name must be 255 characters or fewer' })
  evidenceFileName!: string;

  @Field(() => String, { description: 'The file’s bytes, base64 (send the request with the header x-lh-upload: evidence).' })
  @IsString({ message: 'Choose an evidence file (a certificate or letter) to upload' })
  evidenceBase64!: string;
}
