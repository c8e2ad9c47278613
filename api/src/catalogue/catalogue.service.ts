import { Injectable } from '@nestjs/common';
import { EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import {
  CourseStatus,
  DomainError,
  ErrorCode,
  SessionStatus,
  isOpenAudience,
  isOpenToEveryone,
  isUuid,
  needsApproval,
  placesLeft,
} from '@lh/domain';
import { isCoordinator } from '../common/access';
import { Clock } from '../common/clock';
import { sessionTimesAndPlace } from './session-mapping';
import type { Viewer } from '../common/viewer';
import { BookingRepository, type PlaceCounts, type UpcomingPlaces } from '../booking/booking.repository';
import { Session } from '../scheduling/session.entity';
import { Agency } from '../people/agency.entity';
import { Course } from './course.entity';
import { PriorityArea } from './priority-area.entity';
import { CourseType, PriorityAreaType, SessionDetailType, SessionType } from './course.types';
import type { CourseFilterInput } from './dto/course-filter.input';

/** The catalogue is public: anyone may browse it, signed in or not. */
@Injectable()
export class CatalogueService {
  constructor(
    private readonly em: EntityManager,
    private readonly repo: BookingRepository,
    private readonly clock: Clock,
  ) {}

  async priorityAreas(_viewer: Viewer | undefined): Promise<PriorityAreaType[]> {
    const areas = await this.em.fork().find(PriorityArea, {}, { orderBy: { name: 'asc' } });
    return areas.map((a) => ({ id: a.id, name: a.name }));
  }

  async courses(_viewer: Viewer | undefined, filter: CourseFilterInput = {}): Promise<CourseType[]> {
    // the catalogue lists published courses only (isListedInCatalogue): drafts are being prepared, archived ones are history
    const where: FilterQuery<Course> = { status: CourseStatus.PUBLISHED };
    if (filter.priorityAreaId) {
      where.priorityArea = filter.priorityAreaId;
    }
    if (filter.level) {
      where.level = filter.level;
    }
    if (filter.format) {
      where.format = filter.format;
    }
    const words = (filter.search ?? '').trim().split(/\s+/).filter(Boolean);
    if (words.length) {
      where.$and = words.map((w) => {
        const like = `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        return {
          $or: [{ title: { $ilike: like } }, { summary: { $ilike: like } }, { priorityArea: { name: { $ilike: like } } }],
        };
      });
    }
    const em = this.em.fork();
    const courses = await em.find(Course, where, { populate: ['priorityArea', 'prerequisite'], orderBy: { title: 'asc' } });
    const stats = await this.repo.upcomingPlacesByCourse(
      em,
      courses.map((c) => c.id),
      this.clock.now(),
    );
    const agencyNames = await this.agencyNames(em, courses);
    return courses
      .map((c) => this.toCourseType(c, stats.get(c.id), agencyNames))
      .filter((c) => !filter.hasUpcomingPlaces || c.upcomingPlacesLeft > 0);
  }

  async course(viewer: Viewer | undefined, id: string): Promise<CourseType> {
    const em = this.em.fork();
    const course = isUuid(id) ? await em.findOne(Course, id, { populate: ['priorityArea', 'prerequisite'] }) : null;
    if (!course || !this.mayOpen(viewer, course)) {
      throw new DomainError(ErrorCode.NotFound, 'There is no course with that id. It may have been removed.');
    }
    const stats = await this.repo.upcomingPlacesByCourse(em, [course.id], this.clock.now());
    return this.toCourseType(course, stats.get(course.id), await this.agencyNames(em, [course]));
  }

  /** A draft course (and its sessions) is opened only by coordinators preparing it: to anyone else it does not exist yet. */
  private mayOpen(viewer: Viewer | undefined, course: Course): boolean {
    return isOpenToEveryone(course.status) || isCoordinator(viewer);
  }

  /** The names of the agencies named in these courses' audiences, by id. One query. */
  private async agencyNames(em: EntityManager, courses: readonly Course[]): Promise<Map<string, string>> {
    const ids = [...new Set(courses.flatMap((c) => c.audienceAgencyIds))];
    const agencies = ids.length ? await em.find(Agency, { id: { $in: ids } }, { fields: ['id', 'name'] }) : [];
    return new Map(agencies.map((a) => [a.id, a.name]));
  }

  /** Coming scheduled sessions of each course, soonest first (batched for DataLoader). */
  async upcomingSessions(_viewer: Viewer | undefined, courseIds: readonly string[]): Promise<Map<string, SessionType[]>> {
    const em = this.em.fork();
    const sessions = await em.find(
      Session,
      { course: { $in: [...courseIds] }, status: SessionStatus.SCHEDULED, startsAt: { $gt: this.clock.now() } },
      { populate: ['parts', 'venue'], orderBy: { startsAt: 'asc' } },
    );
    const counts = await this.repo.placeCountsBySession(
      em,
      sessions.map((s) => s.id),
    );
    const byCourse = new Map<string, SessionType[]>();
    for (const s of sessions) {
      const list = byCourse.get(s.course.id) ?? [];
      list.push(this.toSessionType(s, counts.get(s.id) ?? { held: 0, waiting: 0 }));
      byCourse.set(s.course.id, list);
    }
    return byCourse;
  }

  /** One session (any status, past or coming) with what the booking page needs. */
  async session(viewer: Viewer | undefined, id: string): Promise<SessionDetailType> {
    const em = this.em.fork();
    const session = isUuid(id) ? await em.findOne(Session, id, { populate: ['course', 'parts', 'venue'] }) : null;
    if (!session || !this.mayOpen(viewer, session.course)) {
      throw new DomainError(ErrorCode.NotFound, 'There is no session with that id. It may have been removed.');
    }
    const counts = await this.repo.placeCounts(em, session.id);
    const agency = viewer?.agencyId ? await em.findOne(Agency, viewer.agencyId) : null;
    return {
      session: this.toSessionType(session, counts),
      course: { id: session.course.id, title: session.course.title },
      requiresApproval: session.course.requiresApproval,
      approvalNeededForYou: needsApproval(session.course, agency),
      cancellationCutoffWorkingDays: session.course.cancellationCutoffWorkingDays,
      bookingOpensAt: session.bookingOpensAt ?? null,
      bookingClosesAt: session.bookingClosesAt ?? null,
      waiting: counts.waiting,
    };
  }

  private toSessionType(s: Session, counts: Pick<PlaceCounts, 'held' | 'waiting'>): SessionType {
    return {
      id: s.id,
      ...sessionTimesAndPlace(s),
      capacity: s.capacity,
      placesLeft: placesLeft(s.capacity, counts.held),
      waiting: counts.waiting,
      status: s.status,
      cancelledAt: s.cancelledAt ?? null,
      cancellationReason: s.cancellationReason ?? null,
    };
  }

  private toCourseType(c: Course, stats: UpcomingPlaces | undefined, agencyNames: Map<string, string>): CourseType {
    const audience = { agencyIds: c.audienceAgencyIds, sectors: c.audienceSectors, roles: c.audienceRoles };
    return {
      id: c.id,
      title: c.title,
      summary: c.summary,
      learningOutcomes: c.learningOutcomes,
      priorityArea: { id: c.priorityArea.id, name: c.priorityArea.name },
      level: c.level,
      format: c.format,
      durationMinutes: c.durationMinutes,
      requiresApproval: c.requiresApproval,
      audience: {
        open: isOpenAudience(audience),
        agencyNames: c.audienceAgencyIds.flatMap((id) => agencyNames.get(id) ?? []).sort((a, b) => a.localeCompare(b)),
        sectors: c.audienceSectors,
        roles: c.audienceRoles,
      },
      cancellationCutoffWorkingDays: c.cancellationCutoffWorkingDays,
      prerequisite: c.prerequisite ? { id: c.prerequisite.id, title: c.prerequisite.title } : null,
      upcomingSessionCount: stats?.sessions ?? 0,
      upcomingPlacesLeft: stats?.placesLeft ?? 0,
      nextSessionStartsAt: stats?.nextStart ?? null,
      learningUrl: c.learningUrl ?? null,
    };
  }
}
