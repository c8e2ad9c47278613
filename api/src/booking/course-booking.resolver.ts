import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer } from '../common/access.decorators';
import { loaderFor } from '../common/loaders';
import type { Viewer } from '../common/viewer';
import { CourseType } from '../catalogue/course.types';
import { BookingQueries } from './booking-queries.service';
import { MyCourseBookingType } from './booking.types';

/** Adds the viewer's own booking to catalogue courses, so pages can say "you are booked" instead of "book". */
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
}
