import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CourseStatus, Role } from '../common/graphql-enums';
import { IdArg } from '../common/ids';
import { CurrentViewer, Roles } from '../common/access.decorators';
import type { Viewer } from '../common/viewer';
import { CourseAdminService } from './course-admin.service';
import { AdminCourseType, ManagedCourseType } from './course-admin.types';
import { PriorityAreaType } from './course.types';
import { CreateCourseInput } from './dto/create-course.input';
import { UpdateCourseInput } from './dto/update-course.input';
import { CreatePriorityAreaInput } from './dto/create-priority-area.input';

/** Coordinators' course administration. */
@Resolver(() => AdminCourseType)
export class CourseAdminResolver {
  constructor(private readonly courses: CourseAdminService) {}

  @Roles(Role.COORDINATOR)
  @Query(() => AdminCourseType, { description: 'One course with everything a coordinator can edit.' })
  courseAdmin(@CurrentViewer() viewer: Viewer, @IdArg('id') id: string): Promise<AdminCourseType> {
    return this.courses.course(viewer, id);
  }

  @Roles(Role.COORDINATOR)
  @Query(() => [ManagedCourseType], { description: 'Every course (or those of one status), by title: Manage → Courses.' })
  manageCourses(
    @CurrentViewer() viewer: Viewer,
    @Args('status', { type: () => CourseStatus, nullable: true }) status?: CourseStatus | null,
  ): Promise<ManagedCourseType[]> {
    return this.courses.courses(viewer, status ?? null);
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => AdminCourseType, { description: 'Adds a course: a draft (not in the catalogue) unless publishNow.' })
  createCourse(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: CreateCourseInput,
    @Args('publishNow', { type: () => Boolean, nullable: true }) publishNow?: boolean | null,
  ): Promise<AdminCourseType> {
    return this.courses.createCourse(viewer, input, publishNow ?? false);
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => AdminCourseType, { description: 'Publishes a draft, archives a published course, or publishes an archived one again.' })
  changeCourseStatus(
    @CurrentViewer() viewer: Viewer,
    @IdArg('id') id: string,
    @Args('status', { type: () => CourseStatus }) status: CourseStatus,
  ): Promise<AdminCourseType> {
    return this.courses.changeCourseStatus(viewer, id, status);
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => AdminCourseType, { description: "Changes a course's settings." })
  updateCourse(@CurrentViewer() viewer: Viewer, @Args('input') input: UpdateCourseInput): Promise<AdminCourseType> {
    return this.courses.updateCourse(viewer, input);
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => PriorityAreaType, { description: 'Adds a partnership priority area (names are unique, whatever the case).' })
  createPriorityArea(@CurrentViewer() viewer: Viewer, @Args('input') input: CreatePriorityAreaInput): Promise<PriorityAreaType> {
    return this.courses.createPriorityArea(viewer, input);
  }
}
