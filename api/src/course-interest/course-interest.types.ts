import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { NewDatesAnswer } from '@lh/domain';

registerEnumType(NewDatesAnswer, {
  name: 'NewDatesAnswer',
  description:
    'HAS_DATES: a coming date can be booked (or will open for booking); NO_DATES: none, so people may ask to be told; NOT_SCHEDULED: e-learning, which never has dates.',
});

/** One person's "tell me when new dates are added" request, as its owner sees it. */
@ObjectType('CourseInterest')
export class CourseInterestType {
  @Field(() => ID) id!: string;
  @Field(() => ID) courseId!: string;
  @Field(() => String) courseTitle!: string;
  @Field(() => Date) askedAt!: Date;
  @Field(() => Date, { nullable: true, description: 'When they were mailed the new dates (the request ended then).' })
  notifiedAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'When they said to stop telling them.' })
  stoppedAt!: Date | null;
}

@ObjectType('CourseNewDates')
export class CourseNewDatesType {
  @Field(() => ID) courseId!: string;
  @Field(() => NewDatesAnswer) answer!: NewDatesAnswer;
  @Field(() => CourseInterestType, { nullable: true, description: "The signed-in person's open request on this course (null signed out)." })
  myRequest!: CourseInterestType | null;
}

/** For coordinators: how many people wait to be told about new dates of a course. */
@ObjectType('CourseWaitingForDates')
export class CourseWaitingForDatesType {
  @Field(() => ID) courseId!: string;
  @Field(() => Int) waiting!: number;
}
