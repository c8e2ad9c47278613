import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import {
  DomainError,
  ErrorCode,
  MailKind,
  NewDatesAnswer,
  isListedInCatalogue,
  isOpenToEveryone,
  PersonStatus,
  SessionStatus,
  isBookableDate,
  isUuid,
  newDatesAnswer,
} from '@lh/domain';
import { isCoordinator, requireCoordinator } from '../common/access';
import { Clock } from '../common/clock';
import type { Viewer } from '../common/viewer';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { Course } from '../catalogue/course.entity';
import { MailOutboxService } from '../notifications/mail-outbox.service';
import { newDatesAdded } from '../notifications/mail-templates';
import { sessionPlace } from '../notifications/session-place';
import { Session } from '../scheduling/session.entity';
import { CourseInterest } from './course-interest.entity';
import type { CourseInterestType, CourseNewDatesType, CourseWaitingForDatesType } from './course-interest.types';

const courseNotFound = () => new DomainError(ErrorCode.NotFound, 'There is no course with that id. It may have been removed.');
const requestNotFound = () => new DomainError(ErrorCode.NotFound, 'There is no such request to be told about new dates.');
const OPEN = { notifiedAt: null, stoppedAt: null } as const;

const toType = (i: CourseInterest): CourseInterestType => ({
  id: i.id,
  courseId: i.course.id,
  courseTitle: i.course.title,
  askedAt: i.askedAt,
  notifiedAt: i.notifiedAt ?? null,
  stoppedAt: i.stoppedAt ?? null,
});

/**
 * "Tell me when new dates are added". A signed-in person asks on a course with no bookable date (one open
 * request per person and course, however often they ask); they stop it, or `announce` ends it when a date
 * is added: one mail naming every coming date of the course, then the request is kept as history with
 * `notifiedAt`. Coordinators see how many wait per course.
 */
@Injectable()
export class CourseInterestService {
  constructor(
    private readonly em: EntityManager,
    private readonly outbox: MailOutboxService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Whether a course has dates, and the viewer's open request on it (public: signed out, no request). */
  async newDates(viewer: Viewer | undefined, courseId: string): Promise<CourseNewDatesType> {
    const em = this.em.fork();
    const now = this.clock.now();
    const course = await this.findCourse(em, viewer, courseId);
    const mine = viewer
      ? await em.findOne(CourseInterest, { person: viewer.id, course: course.id, ...OPEN }, { populate: ['course'] })
      : null;
    return { courseId: course.id, answer: await this.answerFor(em, course, now), myRequest: mine ? toType(mine) : null };
  }

  /** Asks to be told; asking again while a request is open gives the same request. */
  async ask(viewer: Viewer, courseId: string): Promise<CourseInterestType> {
    const now = this.clock.now();
    return this.em.fork().transactional(async (em) => {
      const course = await this.findCourse(em, viewer, courseId);
      const answer = await this.answerFor(em, course, now);
      if (answer === NewDatesAnswer.NOT_SCHEDULED) {
        throw new DomainError(ErrorCode.BadUserInput, 'This course is e-learning: it has no dates. You can start it at any time.');
      }
      if (answer === NewDatesAnswer.ARCHIVED) {
        throw new DomainError(ErrorCode.BadUserInput, 'This course is no longer run, so no new dates will be added.');
      }
      if (answer === NewDatesAnswer.HAS_DATES) {
        throw new DomainError(ErrorCode.BadUserInput, 'This course has dates you can book now: choose one on the course page.');
      }
      // the partial unique index keeps one open request per person and course, also when two asks race
      await em.execute(
        `insert into course_interest (id, person_id, course_id, asked_at) values (gen_random_uuid(), ?, ?, ?)
         on conflict (person_id, course_id) where notified_at is null and stopped_at is null do nothing`,
        [viewer.id, course.id, now],
      );
      const open = await em.findOneOrFail(CourseInterest, { person: viewer.id, course: course.id, ...OPEN }, { populate: ['course'] });
      return toType(open);
    });
  }

  /** Stops the viewer's own request (someone else's is "not found"); stopping an ended one changes nothing. */
  async stop(viewer: Viewer, interestId: string): Promise<CourseInterestType> {
    const now = this.clock.now();
    return this.em.fork().transactional(async (em) => {
      const [row] = isUuid(interestId)
        ? await em.execute<{ id: string }[]>('select id from course_interest where id = ? and person_id = ? for update', [
            interestId,
            viewer.id,
          ])
        : [];
      if (!row) {
        throw requestNotFound();
      }
      const interest = await em.findOneOrFail(CourseInterest, row.id, { populate: ['course'] });
      if (!interest.notifiedAt && !interest.stoppedAt) {
        interest.stoppedAt = now;
        await em.flush();
      }
      return toType(interest);
    });
  }

  /** The viewer's open requests, by course title. */
  async mine(viewer: Viewer): Promise<CourseInterestType[]> {
    const open = await this.em.fork().find(CourseInterest, { person: viewer.id, ...OPEN }, { populate: ['course'] });
    return open.map(toType).sort((a, b) => a.courseTitle.localeCompare(b.courseTitle));
  }

  /** Coordinators: how many people (active accounts: the ones announce mails) wait for dates, per course that has anyone waiting. */
  async waitingCounts(viewer: Viewer | undefined): Promise<CourseWaitingForDatesType[]> {
    requireCoordinator(viewer);
    const rows = await this.em.fork().execute<{ course_id: string; waiting: string }[]>(
      `select i.course_id, count(*) as waiting from course_interest i join person p on p.id = i.person_id
         where i.notified_at is null and i.stopped_at is null and p.status = ? group by i.course_id`,
      [PersonStatus.ACTIVE],
    );
    return rows.map((r) => ({ courseId: r.course_id, waiting: Number(r.waiting) }));
  }

  /**
   * Tells everyone waiting on this course about its dates, in the caller's transaction (`em`), and ends
   * their requests. Called where a session is created (SchedulingService.createIn, once per coordinator
   * action: a copy onto many dates calls it once at the end) and wherever else a course gets bookable dates.
   * Nothing happens while the course has no bookable coming date. Each person gets one mail listing every
   * bookable coming date, London times and a link to book each. Returns how many were told.
   */
  async announce(em: EntityManager, course: Course, now: Date): Promise<number> {
    // a draft's dates cannot be booked yet (publishing it announces them), an archived course's are not offered
    if (!isListedInCatalogue(course.status)) {
      return 0;
    }
    // lock the open requests: a stop, or another announce, waits and then sees the request ended
    const locked = await em.execute<{ id: string }[]>(
      `select i.id from course_interest i join person p on p.id = i.person_id
       where i.course_id = ? and i.notified_at is null and i.stopped_at is null and p.status = ? for update of i`,
      [course.id, PersonStatus.ACTIVE],
    );
    if (!locked.length) {
      return 0;
    }
    const sessions = await em.find(
      Session,
      { course: course.id, status: SessionStatus.SCHEDULED, startsAt: { $gt: now } },
      { populate: ['parts', 'venue'], orderBy: { startsAt: 'asc' } },
    );
    const dates = sessions.filter((s) => isBookableDate(s, now));
    if (!dates.length) {
      return 0;
    }
    const waiting = await em.find(CourseInterest, { id: { $in: locked.map((r) => r.id) } }, { populate: ['person'] });
    for (const interest of waiting) {
      interest.notifiedAt = now;
      const content = newDatesAdded({
        partnershipName: this.config.partnershipName,
        recipientName: interest.person.name,
        courseTitle: course.title,
        dates: dates.map((s) => ({
          parts: s.parts
            .getItems()
            .map((p) => ({ start: p.startsAt, end: p.endsAt }))
            .sort((a, b) => a.start.getTime() - b.start.getTime()),
          place: sessionPlace(s, { withJoinUrl: false }),
          bookHref: `${this.config.webOrigin}/sessions/${s.id}/book`,
        })),
        links: { course: `${this.config.webOrigin}/courses/${course.id}`, account: `${this.config.webOrigin}/account` },
      });
      await this.outbox.enqueue(em, {
        kind: MailKind.NEW_DATES,
        to: { email: interest.person.email, name: interest.person.name },
        personId: interest.person.id,
        ...content,
      });
    }
    await em.flush();
    return waiting.length;
  }

  /** The course, as the catalogue shows it: a draft is "not found" to everyone but coordinators. */
  private async findCourse(em: EntityManager, viewer: Viewer | undefined, id: string): Promise<Course> {
    const course = isUuid(id) ? await em.findOne(Course, id) : null;
    if (!course || (!isOpenToEveryone(course.status) && !isCoordinator(viewer))) {
      throw courseNotFound();
    }
    return course;
  }

  private async answerFor(em: EntityManager, course: Course, now: Date): Promise<NewDatesAnswer> {
    const sessions = await em.find(Session, { course: course.id, status: SessionStatus.SCHEDULED, startsAt: { $gt: now } });
    return newDatesAnswer(course, sessions, now);
  }
}
