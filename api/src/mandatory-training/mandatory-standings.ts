import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { MANDATORY_STATUSES, MandatoryStatus, standingOf, type RequirementStanding } from '@lh/domain';
import { MandatoryRequirement } from './mandatory-requirement.entity';
import {
  MandatoryTrainingRepository,
  type ApplicableFilter,
  type ApplicableRow,
  type StatusCountRow,
} from './mandatory-training.repository';
import type { Session } from '../scheduling/session.entity';
import type { BookableSessionType, ComplianceFigureType, YourBookingType } from './mandatory-training.types';

export interface StandingRow extends ApplicableRow {
  requirementName: string;
  standing: RequirementStanding;
}

/**
 * Where people stand against the requirements that apply to them on a London date: the repository says
 * whom each applies to and their latest satisfying completion; libs/domain `standingOf` turns that into a
 * status; figures count the same statuses in PostgreSQL (`counts`). Every page, figure and reminder reads
 * statuses from here.
 */
@Injectable()
export class MandatoryStandings {
  constructor(private readonly repo: MandatoryTrainingRepository) {}

  async rows(em: EntityManager, today: string, filter: ApplicableFilter = {}): Promise<StandingRow[]> {
    const [applicable, requirements] = await Promise.all([
      this.repo.applicable(em, today, filter),
      em.find(MandatoryRequirement, filter.requirementIds ? { id: [...filter.requirementIds] } : {}),
    ]);
    const byId = new Map(requirements.map((r) => [r.id, r]));
    return applicable.flatMap((row) => {
      const requirement = byId.get(row.requirementId);
      if (!requirement) {
        return [];
      }
      const standing = standingOf(requirement, {
        joinedOn: row.joinedOn,
        completedOn: row.lastCompletedOn ? [row.lastCompletedOn] : [],
        today,
      });
      return [{ ...row, requirementName: requirement.name, standing }];
    });
  }

  /**
   * How many people stand at each status per requirement and agency on `today`, counted in PostgreSQL (the
   * same statuses as `rows`, without a row per person): what figures are made of.
   */
  counts(em: EntityManager, today: string, filter: ApplicableFilter = {}): Promise<StatusCountRow[]> {
    return this.repo.statusCounts(em, today, filter);
  }

  /**
   * What each person can do next about each requirement, bookable at `now`: their live bookings on coming
   * sessions that would satisfy it, and the sessions they could book (none of a course they already hold a
   * live booking on, since a person has one live booking per course). Soonest first.
   */
  async nextSteps(
    em: EntityManager,
    rows: readonly { personId: string; requirementId: string }[],
    now: Date,
    perRequirement = 3,
  ): Promise<(personId: string, requirementId: string) => NextSteps> {
    const requirementIds = [...new Set(rows.map((r) => r.requirementId))];
    const requirements = requirementIds.length ? await em.find(MandatoryRequirement, { id: requirementIds }) : [];
    const courseIds = [...new Set(requirements.flatMap((r) => r.courseIds))];
    const [sessions, bookings] = await Promise.all([
      this.repo.bookableSessions(em, courseIds, now, 100),
      this.repo.comingBookings(em, [...new Set(rows.map((r) => r.personId))], courseIds, now),
    ]);
    const courses = new Map(requirements.map((r) => [r.id, new Set(r.courseIds)]));
    const byPerson = new Map<string, typeof bookings>();
    for (const b of bookings) {
      byPerson.set(b.person.id, [...(byPerson.get(b.person.id) ?? []), b]);
    }
    return (personId, requirementId) => {
      const satisfies = courses.get(requirementId) ?? new Set<string>();
      const theirs = byPerson.get(personId) ?? [];
      const bookedCourses = new Set(theirs.map((b) => b.session.course.id));
      return {
        yourBookings: theirs
          .filter((b) => satisfies.has(b.session.course.id))
          .map((b) => ({ bookingId: b.id, status: b.status, ...bookableSession(b.session) })),
        sessions: sessions
          .filter((s) => satisfies.has(s.course.id) && !bookedCourses.has(s.course.id))
          .slice(0, perRequirement)
          .map(bookableSession),
      };
    };
  }
}

/** A person's next steps for one requirement (see `MandatoryStandings.nextSteps`). */
export interface NextSteps {
  yourBookings: YourBookingType[];
  sessions: BookableSessionType[];
}

function bookableSession(s: Session): BookableSessionType {
  return {
    id: s.id,
    courseId: s.course.id,
    courseTitle: s.course.title,
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    place: s.venue ? s.venue.name : 'Online',
  };
}

const percent = (count: number, of: number) => (of ? Math.round((count / of) * 1000) / 10 : 0);

/** Counts and shares of each status among count rows (each: people at one status against one requirement). */
export function figureOf(id: string | null, label: string, rows: readonly StatusCountRow[]): ComplianceFigureType {
  const counts = new Map<MandatoryStatus, number>(MANDATORY_STATUSES.map((s) => [s, 0]));
  let applies = 0;
  for (const row of rows) {
    counts.set(row.status, (counts.get(row.status) ?? 0) + row.count);
    applies += row.count;
  }
  return {
    id,
    label,
    applies,
    statuses: MANDATORY_STATUSES.map((status) => ({
      status,
      count: counts.get(status) ?? 0,
      percent: percent(counts.get(status) ?? 0, applies),
    })),
  };
}

/** Figures grouped by a key, sorted by label. */
export function figuresBy(
  rows: readonly StatusCountRow[],
  key: (row: StatusCountRow) => { id: string | null; label: string },
): ComplianceFigureType[] {
  const groups = new Map<string, { id: string | null; label: string; rows: StatusCountRow[] }>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k.id ?? '') ?? { ...k, rows: [] };
    group.rows.push(row);
    groups.set(k.id ?? '', group);
  }
  return [...groups.values()].sort((a, b) => a.label.localeCompare(b.label)).map((g) => figureOf(g.id, g.label, g.rows));
}
