import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Role } from '@lh/domain';
import { IdArg } from '../common/ids';
import { AgencyEmailRulesInput } from './dto/agency-email-rules.input';
import { CurrentViewer, Roles } from '../common/access.decorators';
import type { Viewer } from '../common/viewer';
import { AgencyType } from '../people/people.types';
import { CourseAdminService } from './course-admin.service';
import { AdminCourseType } from './course-admin.types';
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
  @Query(() => [AgencyType], { description: 'Every partner agency, by name (for choosing a course audience).' })
  agencies(@CurrentViewer() viewer: Viewer): Promise<AgencyType[]> {
    return this.courses.agencies(viewer);
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => AgencyType, { description: "Whether an agency's staff book without line manager approval." })
  setAgencyApprovalExempt(
    @CurrentViewer() viewer: Viewer,
    @IdArg('agencyId') agencyId: string,
    @Args('exempt', { type: () => Boolean }) exempt: boolean,
  ): Promise<AgencyType> {
    return this.courses.setAgencyApprovalExempt(viewer, agencyId, exempt);
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => AgencyType, { description: "An agency's email domains, and whether line managers must use them." })
  setAgencyEmailRules(@CurrentViewer() viewer: Viewer, @Args('input') input: AgencyEmailRulesInput): Promise<AgencyType> {
    return this.courses.setAgencyEmailRules(viewer, input);
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => AdminCourseType, { description: 'Adds a course to the catalogue.' })
  createCourse(@CurrentViewer() viewer: Viewer, @Args('input') input: CreateCourseInput): Promise<AdminCourseType> {
    return this.courses.createCourse(viewer, input);
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
