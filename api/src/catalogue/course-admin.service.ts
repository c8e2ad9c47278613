import { Injectable } from '@nestjs/common';
import { EntityManager, LockMode, UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import {
  AttendanceRule,
  CourseStatus,
  DomainError,
  ErrorCode,
  courseStatusChangeProblem,
  isUuid,
  prerequisiteLoop,
  type FieldProblem,
} from '@lh/domain';
import { Clock } from '../common/clock';
import { BookingRepository } from '../booking/booking.repository';
import { requireCoordinator } from '../common/access';
import type { Viewer } from '../common/viewer';
import { Agency } from '../people/agency.entity';
import { CourseInterestService } from '../course-interest/course-interest.service';
import { Session } from '../scheduling/session.entity';
import { Course } from './course.entity';
import { PriorityArea } from './priority-area.entity';
import { AdminCourseType, ManagedCourseType } from './course-admin.types';
import { PriorityAreaType } from './course.types';
import type { CreateCourseInput } from './dto/create-course.input';
import type { UpdateCourseInput } from './dto/update-course.input';
import type { CreatePriorityAreaInput } from './dto/create-priority-area.input';

interface CheckedCourse {
  area: PriorityArea;
  prerequisite: Course | null;
  agencyIds: string[];
}

const notFound = () => new DomainError(ErrorCode.NotFound, 'There is no course with that id. It may have been removed.');

/**
 * Coordinators create and edit courses and priority areas. Every rule that needs the database (the
 * priority area, agencies and prerequisite exist; no prerequisite loops) is checked here, all at once,
 * before anything is written, in the transaction that writes it.
 */
@Injectable()
export class CourseAdminService {
  constructor(
    private readonly em: EntityManager,
    private readonly repo: BookingRepository,
    private readonly clock: Clock,
    private readonly courseInterest: CourseInterestService,
  ) {}

  /** Every course, any status (or one status), by title, with its coming sessions: Manage → Courses. */
  async courses(viewer: Viewer, status: CourseStatus | null = null): Promise<ManagedCourseType[]> {
    requireCoordinator(viewer);
    const em = this.em.fork();
    const courses = await em.find(Course, status ? { status } : {}, { populate: ['priorityArea'], orderBy: { title: 'asc' } });
    const stats = await this.repo.upcomingPlacesByCourse(
      em,
      courses.map((c) => c.id),
      this.clock.now(),
    );
    return courses.map((c) => ({
      id: c.id,
      title: c.title,
      format: c.format,
      level: c.level,
      durationMinutes: c.durationMinutes,
      priorityAreaName: c.priorityArea.name,
      status: c.status,
      upcomingSessionCount: stats.get(c.id)?.sessions ?? 0,
    }));
  }

  /**
   * Publishes a draft, archives a published course or publishes an archived one again (courseStatusChangeProblem).
   * Publishing tells the people waiting for dates of the course, in the same transaction, when it has bookable dates.
   */
  async changeCourseStatus(viewer: Viewer, id: string, status: CourseStatus, now = this.clock.now()): Promise<AdminCourseType> {
    requireCoordinator(viewer);
    await this.em.fork().transactional(async (em) => {
      const course = isUuid(id) ? await em.findOne(Course, id, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
      if (!course) {
        throw notFound();
      }
      const problem = courseStatusChangeProblem(course.status, status);
      if (problem) {
        throw new DomainError(ErrorCode.InvalidTransition, problem);
      }
      course.status = status;
      await em.flush();
      await this.courseInterest.announce(em, course, now);
    });
    return this.course(viewer, id);
  }

  async course(viewer: Viewer, id: string): Promise<AdminCourseType> {
    requireCoordinator(viewer);
    const em = this.em.fork();
    const course = isUuid(id) ? await em.findOne(Course, id, { populate: ['priorityArea', 'prerequisite'] }) : null;
    if (!course) {
      throw notFound();
    }
    return this.toType(course, await em.count(Session, { course }));
  }

  /** A new course is a draft (prepared, its sessions scheduled, then published) unless `publishNow`. */
  async createCourse(viewer: Viewer, input: CreateCourseInput, publishNow = false): Promise<AdminCourseType> {
    requireCoordinator(viewer);
    const id = await this.em.fork().transactional(async (em) => {
      const checked = await this.check(em, null, input);
      const course = em.create(Course, {
        title: input.title,
        summary: input.summary,
        level: input.level,
        format: input.format,
        durationMinutes: input.durationMinutes,
        priorityArea: checked.area,
        status: publishNow ? CourseStatus.PUBLISHED : CourseStatus.DRAFT,
      });
      this.assign(course, input, checked);
      await em.flush();
      return course.id;
    });
    return this.course(viewer, id);
  }

  async updateCourse(viewer: Viewer, input: UpdateCourseInput): Promise<AdminCourseType> {
    requireCoordinator(viewer);
    await this.em.fork().transactional(async (em) => {
      const course = await em.findOne(Course, input.id);
      if (!course) {
        throw notFound();
      }
      this.assign(course, input, await this.check(em, course.id, input));
      await em.flush();
    });
    return this.course(viewer, input.id);
  }

  async createPriorityArea(viewer: Viewer, input: CreatePriorityAreaInput): Promise<PriorityAreaType> {
    requireCoordinator(viewer);
    const taken = () =>
      new DomainError(ErrorCode.BadUserInput, `A priority area called "${input.name}" already exists.`, [
        { field: 'input.name', message: `A priority area called "${input.name}" already exists` },
      ]);
    try {
      return await this.em.fork().transactional(async (em) => {
        const same = await em.findOne(PriorityArea, { name: { $ilike: input.name.replace(/[\\%_]/g, (c) => `\\${c}`) } });
        if (same) {
          throw taken();
        }
        const area = em.create(PriorityArea, { name: input.name });
        await em.flush();
        return { id: area.id, name: area.name };
      });
    } catch (e) {
      if (e instanceof UniqueConstraintViolationException) {
        throw taken();
      }
      throw e;
    }
  }

  // ---- internals ---------------------------------------------------------------------------

  /** Checks what the input refers to, all at once; throws one BAD_USER_INPUT naming every problem. */
  private async check(em: EntityManager, courseId: string | null, input: CreateCourseInput): Promise<CheckedCourse> {
    const problems: FieldProblem[] = [];
    const area = await em.findOne(PriorityArea, input.priorityAreaId);
    if (!area) {
      problems.push({ field: 'input.priorityAreaId', message: 'Choose a priority area from the list' });
    }

    const agencyIds = [...new Set(input.audienceAgencyIds)];
    if (agencyIds.length && (await em.count(Agency, { id: { $in: agencyIds } })) !== agencyIds.length) {
      problems.push({ field: 'input.audienceAgencyIds', message: 'Choose audience agencies from the list: one of them no longer exists' });
    }

    let prerequisite: Course | null = null;
    if (input.prerequisiteCourseId) {
      // one prerequisite change at a time, so two edits cannot close a loop between them
      await em.execute(`select pg_advisory_xact_lock(hashtext('lh:course-prerequisites'))`);
      prerequisite = await em.findOne(Course, input.prerequisiteCourseId);
      if (!prerequisite) {
        problems.push({ field: 'input.prerequisiteCourseId', message: 'Choose the prerequisite from the list of courses' });
      } else if (prerequisite.id === courseId) {
        problems.push({ field: 'input.prerequisiteCourseId', message: 'A course cannot be its own prerequisite' });
      } else if (courseId) {
        const rows = await em.execute<{ id: string; prerequisite_id: string | null }[]>(
          'select id, prerequisite_id from course where prerequisite_id is not null',
        );
        const loop = prerequisiteLoop(courseId, prerequisite.id, new Map(rows.map((r) => [r.id, r.prerequisite_id])));
        if (loop) {
          const titles = await em.find(Course, { id: { $in: loop } }, { fields: ['id', 'title'] });
          const titleOf = (id: string) => titles.find((t) => t.id === id)?.title ?? 'another course';
          const chain = loop
            .slice(0, -1)
            .map((id) => `"${titleOf(id)}"`)
            .join(', which needs ');
          problems.push({
            field: 'input.prerequisiteCourseId',
            message: `${chain} cannot be the prerequisite: it already needs this course first, so neither could ever be booked`,
          });
        }
      }
    }
    if (problems.length || !area) {
      throw new DomainError(ErrorCode.BadUserInput, problems.map((p) => p.message).join('; '), problems);
    }
    return { area, prerequisite, agencyIds };
  }

  private assign(course: Course, input: CreateCourseInput, checked: CheckedCourse): void {
    course.title = input.title;
    course.summary = input.summary;
    course.learningOutcomes = input.learningOutcomes;
    course.priorityArea = checked.area;
    course.level = input.level;
    course.format = input.format;
    course.durationMinutes = input.durationMinutes;
    course.requiresApproval = input.requiresApproval;
    course.audienceAgencyIds = checked.agencyIds;
    course.audienceSectors = [...new Set(input.audienceSectors)];
    course.audienceRoles = [...new Set(input.audienceRoles)];
    course.prerequisite = checked.prerequisite;
    course.cancellationCutoffWorkingDays = input.cancellationCutoffWorkingDays;
    course.attendanceRule = input.attendanceRule;
    // a course that counts every part keeps 100: the share is only asked for SHARE_OF_TIME
    course.attendanceMinimumPercent = input.attendanceRule === AttendanceRule.SHARE_OF_TIME ? (input.attendanceMinimumPercent ?? 100) : 100;
    if (input.partlyAttendedCompletes !== undefined) {
      course.partlyAttendedCompletes = input.partlyAttendedCompletes ?? false;
    }
    if (input.certificateValidMonths !== undefined) {
      course.certificateValidMonths = input.certificateValidMonths;
    }
    if (input.learningUrl !== undefined) {
      course.learningUrl = input.learningUrl;
    }
    if (input.externalCode !== undefined) {
      course.externalCode = input.externalCode;
    }
  }

  private toType(c: Course, sessionCount: number): AdminCourseType {
    return {
      id: c.id,
      title: c.title,
      summary: c.summary,
      learningOutcomes: c.learningOutcomes,
      priorityAreaId: c.priorityArea.id,
      priorityAreaName: c.priorityArea.name,
      level: c.level,
      format: c.format,
      durationMinutes: c.durationMinutes,
      requiresApproval: c.requiresApproval,
      audienceAgencyIds: c.audienceAgencyIds,
      audienceSectors: c.audienceSectors,
      audienceRoles: c.audienceRoles,
      prerequisite: c.prerequisite ? { id: c.prerequisite.id, title: c.prerequisite.title } : null,
      cancellationCutoffWorkingDays: c.cancellationCutoffWorkingDays,
      attendanceRule: c.attendanceRule,
      attendanceMinimumPercent: c.attendanceMinimumPercent,
      partlyAttendedCompletes: c.partlyAttendedCompletes,
      certificateValidMonths: c.certificateValidMonths ?? null,
      sessionCount,
      learningUrl: c.learningUrl ?? null,
      externalCode: c.externalCode ?? null,
      status: c.status,
    };
  }
}
