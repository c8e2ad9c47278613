import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer } from '../common/access.decorators';
import { loaderFor } from '../common/loaders';
import type { Viewer } from '../common/viewer';
import { CourseType } from '../catalogue/course.types';
import { BookingQueries } from './booking-queries.service';
import { CourseEligibilityType, MyCourseBookingType } from './booking.types';

/**
 * Adds the viewer's own booking and eligibility to catalogue courses, so pages can say "you are booked"
 * or "you cannot book this course, because..." instead of offering a form that will be refused.
 */
@Resolver(() => CourseType)
export class CourseBookingResolver {
  constructor(private readonly queries: BookingQueries) {}

  @ResolveField(() => MyCourseBookingType, { nullable: true, description: 'Your live booking on this course, if signed in.' })
  myBooking(
    @Parent() course: CourseType,
    @CurrentViewer() viewer: Viewer | undefined,
    @Context('req') req: object,
  ): Promise<MyCourseBookingType | null> {
    if (!viewer) {
      return Promise.resolve(null);
    }
    return loaderFor(req, 'course.myBooking', (ids) => this.queries.liveBookingsOnCourses(viewer, ids), null).load(course.id);
  }

  @ResolveField(() => CourseEligibilityType, {
    nullable: true,
    description: 'Whether you may book this course and why not, and when you last attended it; null when signed out.',
  })
  eligibilityForYou(
    @Parent() course: CourseType,
    @CurrentViewer() viewer: Viewer | undefined,
    @Context('req') req: object,
  ): Promise<CourseEligibilityType | null> {
    if (!viewer) {
      return Promise.resolve(null);
    }
    return loaderFor<CourseEligibilityType | null>(
      req,
      'course.eligibilityForYou',
      (ids) => this.queries.eligibilityOnCourses(viewer, ids),
      null,
    ).load(course.id);
  }
}
