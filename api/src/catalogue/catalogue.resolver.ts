import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { loaderFor } from '../common/loaders';
import { IdArg } from '../common/ids';
import { CurrentViewer, Public } from '../common/access.decorators';
import type { Viewer } from '../common/viewer';
import { CatalogueService } from './catalogue.service';
import { CourseType, PriorityAreaType, SessionDetailType, SessionType } from './course.types';
import { CourseFilterInput } from './dto/course-filter.input';

@Resolver(() => CourseType)
export class CatalogueResolver {
  constructor(private readonly catalogue: CatalogueService) {}

  @Public()
  @Query(() => [CourseType], { description: 'The course catalogue, filtered, by title.' })
  courses(
    @CurrentViewer() viewer: Viewer | undefined,
    @Args('filter', { type: () => CourseFilterInput, nullable: true }) filter?: CourseFilterInput,
  ): Promise<CourseType[]> {
    return this.catalogue.courses(viewer, filter);
  }

  @Public()
  @Query(() => CourseType, { description: 'One course with its coming sessions and places left.' })
  course(@CurrentViewer() viewer: Viewer | undefined, @IdArg('id') id: string): Promise<CourseType> {
    return this.catalogue.course(viewer, id);
  }

  @Public()
  @Query(() => SessionDetailType, { description: 'One session with its course and places left, for the booking page.' })
  session(@CurrentViewer() viewer: Viewer | undefined, @IdArg('id') id: string): Promise<SessionDetailType> {
    return this.catalogue.session(viewer, id);
  }

  @Public()
  @Query(() => [PriorityAreaType])
  priorityAreas(@CurrentViewer() viewer: Viewer | undefined): Promise<PriorityAreaType[]> {
    return this.catalogue.priorityAreas(viewer);
  }

  @ResolveField(() => [SessionType], { description: 'Coming sessions, soonest first.' })
  upcomingSessions(
    @Parent() course: CourseType,
    @CurrentViewer() viewer: Viewer | undefined,
    @Context('req') req: object,
  ): Promise<SessionType[]> {
    return loaderFor(req, 'course.upcomingSessions', (ids) => this.catalogue.upcomingSessions(viewer, ids), []).load(course.id);
  }
}
