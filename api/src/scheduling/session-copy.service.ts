import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import {
  DomainError,
  ErrorCode,
  bookingWindowDates,
  datePlusDays,
  daysBetween,
  formatLondonDate,
  isCalendarDate,
  londonPartOf,
  londonToUtc,
} from '@lh/domain';
import { requireCoordinator } from '../common/access';
import { Clock } from '../common/clock';
import type { Viewer } from '../common/viewer';
import { CourseInterestService } from '../course-interest/course-interest.service';
import { Course } from '../catalogue/course.entity';
import { Session } from './session.entity';
import { SchedulingService } from './scheduling.service';
import { sortedParts } from './scheduling-views';
import type { CopySessionInput } from './dto/copy-session.input';
import type { CreateSessionInput } from './dto/create-session.input';
import type { SessionCopyOutcomeType, SessionCopyResultType } from './session-copy.types';

/**
 * Copying a session onto other dates ("Copy this session", "Repeat on other dates"). Each date is its own
 * transaction through SchedulingService.createIn, so it meets every rule a new session meets (a date in the
 * past, a time the clocks skip, a time they repeat, an archived course), and its trainers are put on it there
 * with the trainers' own checks and mail. A refused date creates nothing and is reported with its problems; the others go ahead.
 * past, a time the clocks skip, a time they repeat), and its trainers are put on it with the trainers' own
 * checks and mail. A refused date creates nothing and is reported with its problems; the others go ahead.
 * People waiting for dates of the course are told once, after the last date, of all its dates.
 */
@Injectable()
export class SessionCopyService {
  constructor(
    private readonly em: EntityManager,
    private readonly scheduling: SchedulingService,
    private readonly clock: Clock,
    private readonly courseInterest: CourseInterestService,
  ) {}

  async copy(viewer: Viewer, input: CopySessionInput, now = this.clock.now()): Promise<SessionCopyResultType> {
    requireCoordinator(viewer);
    const original = await this.em.fork().findOne(Session, input.sessionId, { populate: ['course', 'parts', 'venue', 'trainers'] });
    if (!original) {
      throw new DomainError(ErrorCode.NotFound, 'There is no session with that id.');
    }
    const parts = sortedParts(original).map((p) => londonPartOf(p));
    const firstDate = parts[0]!.date;
    const { opensOn, closesOn } = bookingWindowDates(original.bookingOpensAt ?? null, original.bookingClosesAt ?? null);
    const trainerIds = original.trainers.getItems().map((t) => t.id);

    const outcomes: SessionCopyOutcomeType[] = [];
    const seen = new Set<string>();
    for (const date of input.dates) {
      const label = isCalendarDate(date) ? formatLondonDate(londonToUtc(date, '12:00')) : date;
      if (!isCalendarDate(date)) {
        outcomes.push({ date, sessionId: null, problems: [`"${date}" is not a real date`] });
        continue;
      }
      if (seen.has(date)) {
        outcomes.push({ date, sessionId: null, problems: [`${label} is in the list twice`] });
        continue;
      }
      seen.add(date);
      const shift = daysBetween(firstDate, date);
      const copy: CreateSessionInput = {
        courseId: original.course.id,
        capacity: original.capacity,
        parts: parts.map((p) => ({
          date: datePlusDays(p.date, shift),
          startTime: p.startTime,
          endTime: p.endTime,
          startOccurrence: p.startOccurrence,
          endOccurrence: p.endOccurrence,
        })),
        venueId: original.venue?.id ?? null,
        room: original.room ?? null,
        onlineUrl: original.onlineUrl ?? null,
        joiningInstructions: original.joiningInstructions ?? null,
        bookingOpensOn: opensOn ? datePlusDays(opensOn, shift) : null,
        bookingClosesOn: closesOn ? datePlusDays(closesOn, shift) : null,
        // the original's length was accepted when it was scheduled
        confirmLongerThanCourse: true,
        autoOfferWaitlist: original.autoOfferWaitlist,
        trainerIds,
      };
      try {
        const id = await this.em
          .fork()
          .transactional(async (em) => (await this.scheduling.createIn(em, copy, now, { announce: false })).id);
        outcomes.push({ date, sessionId: id, problems: [] });
      } catch (e) {
        if (e instanceof DomainError && (e.code === ErrorCode.BadUserInput || e.code === ErrorCode.TrainerUnavailable)) {
          const problems = e.fields.length ? e.fields.map((f) => f.message) : [e.message];
          outcomes.push({ date, sessionId: null, problems: problems.map((m) => `${label}: ${m}`) });
        } else {
          throw e;
        }
      }
    }
    const created = outcomes.filter((o) => o.sessionId).length;
    if (created) {
      // one mail per person waiting for dates, naming all the new dates (each date was its own transaction)
      await this.em
        .fork()
        .transactional(async (em) => this.courseInterest.announce(em, await em.findOneOrFail(Course, original.course.id), now));
    }
    return { outcomes, created };
  }
}
