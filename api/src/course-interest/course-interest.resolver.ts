import { Mutation, Query, Resolver } from '@nestjs/graphql';
import { Role } from '@lh/domain';
import { IdArg } from '../common/ids';
import { CurrentViewer, Public, Roles, SignedIn } from '../common/access.decorators';
import type { Viewer } from '../common/viewer';
import { CourseInterestService } from './course-interest.service';
import { CourseInterestType, CourseNewDatesType, CourseWaitingForDatesType } from './course-interest.types';

@Resolver()
export class CourseInterestResolver {
  constructor(private readonly interests: CourseInterestService) {}

  @Public()
  @Query(() => CourseNewDatesType, {
    description: "Whether a course has bookable dates, and the signed-in person's open request to be told when new dates are added.",
  })
  courseNewDates(@CurrentViewer() viewer: Viewer | undefined, @IdArg('courseId') courseId: string): Promise<CourseNewDatesType> {
    return this.interests.newDates(viewer, courseId);
  }

  @SignedIn()
  @Query(() => [CourseInterestType], { description: 'The courses the signed-in person asked to be told about when new dates are added.' })
  myCourseInterests(@CurrentViewer() viewer: Viewer): Promise<CourseInterestType[]> {
    return this.interests.mine(viewer);
  }

  @Roles(Role.COORDINATOR)
  @Query(() => [CourseWaitingForDatesType], {
    description: 'How many people wait to be told about new dates, per course with anyone waiting.',
  })
  coursesWaitingForDates(@CurrentViewer() viewer: Viewer): Promise<CourseWaitingForDatesType[]> {
    return this.interests.waitingCounts(viewer);
  }

  @SignedIn()
  @Mutation(() => CourseInterestType, {
    description: 'Asks to be told once when a course with no bookable dates gets some (asking again gives the same request).',
  })
  askForNewDates(@CurrentViewer() viewer: Viewer, @IdArg('courseId') courseId: string): Promise<CourseInterestType> {
    return this.interests.ask(viewer, courseId);
  }

  @SignedIn()
  @Mutation(() => CourseInterestType, { description: 'Stops one of your own requests to be told about new dates.' })
  stopNewDates(@CurrentViewer() viewer: Viewer, @IdArg('interestId') interestId: string): Promise<CourseInterestType> {
    return this.interests.stop(viewer, interestId);
  }
}
