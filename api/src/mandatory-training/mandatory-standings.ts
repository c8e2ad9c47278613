import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { MANDATORY_STATUSES, MandatoryStatus, standingOf, type RequirementStanding } from '@lh/domain';
import { MandatoryRequirement } from './mandatory-requirement.entity';
import { MandatoryTrainingRepository, type ApplicableFilter, type ApplicableRow } from './mandatory-training.repository';
import type { BookableSessionType, ComplianceFigureType } from './mandatory-training.types';

export interface StandingRow extends ApplicableRow {
  requirementName: string;
  standing: RequirementStanding;
}

/**
 * Where people stand against the requirements that apply to them on a London date: the repository says
 * whom each applies to and their latest satisfying completion; libs/domain `standingOf` turns that into a
 * status. Every page, figure and reminder reads statuses from here.
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

  /** Coming sessions that would satisfy each requirement (by id), bookable at `now`. */
  async sessionsFor(
    em: EntityManager,
    requirementIds: readonly string[],
    now: Date,
    perRequirement = 3,
  ): Promise<Map<string, BookableSessionType[]>> {
    const requirements = requirementIds.length ? await em.find(MandatoryRequirement, { id: [...requirementIds] }) : [];
    const sessions = await this.repo.bookableSessions(em, [...new Set(requirements.flatMap((r) => r.courseIds))], now, 100);
    return new Map(
      requirements.map((r) => [
        r.id,
        sessions
          .filter((s) => r.courseIds.includes(s.course.id))
          .slice(0, perRequirement)
          .map((s) => ({
            id: s.id,
            courseId: s.course.id,
            courseTitle: s.course.title,
            startsAt: s.startsAt,
            endsAt: s.endsAt,
            place: s.venue ? s.venue.name : 'Online',
          })),
      ]),
    );
  }
}

const percent = (count: number, of: number) => (of ? Math.round((count / of) * 1000) / 10 : 0);

/** Counts and shares of each status among rows (one row: one person and one requirement). */
export function figureOf(id: string | null, label: string, rows: readonly StandingRow[]): ComplianceFigureType {
  const counts = new Map<MandatoryStatus, number>(MANDATORY_STATUSES.map((s) => [s, 0]));
  for (const row of rows) {
    counts.set(row.standing.status, (counts.get(row.standing.status) ?? 0) + 1);
  }
  return {
    id,
    label,
    applies: rows.length,
    statuses: MANDATORY_STATUSES.map((status) => ({
      status,
      count: counts.get(status) ?? 0,
      percent: percent(counts.get(status) ?? 0, rows.length),
    })),
  };
}

/** Figures grouped by a key, in the order keys first appear, sorted by label. */
export function figuresBy(
  rows: readonly StandingRow[],
  key: (row: StandingRow) => { id: string | null; label: string },
): ComplianceFigureType[] {
  const groups = new Map<string, { id: string | null; label: string; rows: StandingRow[] }>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k.id ?? '') ?? { ...k, rows: [] };
    group.rows.push(row);
    groups.set(k.id ?? '', group);
  }
  return [...groups.values()].sort((a, b) => a.label.localeCompare(b.label)).map((g) => figureOf(g.id, g.label, g.rows));
}
