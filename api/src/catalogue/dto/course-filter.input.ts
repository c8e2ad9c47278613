import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsInt, IsOptional, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { MAX_LEVEL, MIN_LEVEL } from '@lh/domain';
import { CourseFormat } from '../../common/graphql-enums';

@InputType()
export class CourseFilterInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Choose a priority area from the list' })
  priorityAreaId?: string;

  @Field(() => Int, { nullable: true, description: 'Level 1 (basic awareness) to 4 (specialist).' })
  @IsOptional()
  @IsInt({ message: `Level must be between ${MIN_LEVEL} and ${MAX_LEVEL}` })
  @Min(MIN_LEVEL, { message: `Level must be between ${MIN_LEVEL} and ${MAX_LEVEL}` })
  @Max(MAX_LEVEL, { message: `Level must be between ${MIN_LEVEL} and ${MAX_LEVEL}` })
  level?: number;

  @Field(() => CourseFormat, { nullable: true })
  @IsOptional()
  @IsEnum(CourseFormat, { message: 'Choose a format from the list' })
  format?: CourseFormat;

  @Field(() => String, { nullable: true, description: 'Words to look for in the title, summary or priority area.' })
  @IsOptional()
  @MaxLength(200, { message: 'Search must be 200 characters or fewer' })
  search?: string;

  @Field(() => Boolean, { nullable: true, description: 'Only courses with a coming session that has places left.' })
  @IsOptional()
  @IsBoolean({ message: 'Say whether to show only courses with places' })
  hasUpcomingPlaces?: boolean;
}
