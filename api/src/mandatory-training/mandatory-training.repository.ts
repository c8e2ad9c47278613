import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ACTIVE_BOOKING, MandatoryStatus, SessionStatus } from '@lh/domain';
import { Booking } from '../booking/booking.entity';
import { Session } from '../scheduling/session.entity';

/**
 * One person a requirement applies to on `today` (active, and joined on or before it), with the latest live
 * completion that satisfies it (on or before `today`).
 */
export interface ApplicableRow {
  requirementId: string;
  personId: string;
  name: string;
  email: string;
  agencyId: string | null;
  agencyName: string | null;
  /** The London date the person joined: the account's creation (no date of joining an agency is recorded). */
  joinedOn: string;
  lastCompletedOn: string | null;
}

export interface ApplicableFilter {
  requirementIds?: readonly string[];
  personIds?: readonly string[];
  agencyId?: string;
  /** People in an agency of this sector. */
  sector?: string;
}

/** People at one status against one requirement, in one agency (null: no agency). */
export interface StatusCountRow {
  requirementId: string;
  requirementName: string;
  agencyId: string | null;
  agencyName: string | null;
  sector: string | null;
  status: MandatoryStatus;
  count: number;
}

/**
 * A person's status against a requirement on the London date of the query's last three parameters, from a row
 * of `applicableSql`: libs/domain `standingOf` in SQL (PostgreSQL's month arithmetic clamps to the month's end
 * as `addMonths` does). Never completed: overdue after joined + new starter months; else expired after the
 * latest completion + validity months, due soon from that day less the refresher months, current before.
 */
const STATUS_SQL = `case
    when last_completed_on is null then
      case when ?::date > (joined_on + make_interval(months => new_starter_months))::date
           then '${MandatoryStatus.OVERDUE}' else '${MandatoryStatus.NOT_YET_DUE}' end
    when ?::date > (last_completed_on + make_interval(months => validity_months))::date then '${MandatoryStatus.EXPIRED}'
    when ?::date >= ((last_completed_on + make_interval(months => validity_months))::date - make_interval(months => refresher_months))::date
      then '${MandatoryStatus.DUE_SOON}'
    else '${MandatoryStatus.CURRENT}' end`;

/**
 * One row per requirement and person it applies to on `today` (active, joined on or before it), with the
 * requirement's rule, the person's agency and their latest live completion that satisfies it (on or before
 * `today`), as dates.
 */
function applicableSql(today: string, filter: ApplicableFilter): { sql: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [today];
  if (filter.requirementIds) {
    where.push('r.id = any(?::uuid[])');
    params.push(`{${filter.requirementIds.join(',')}}`);
  }
  if (filter.personIds) {
    where.push('p.id = any(?::uuid[])');
    params.push(`{${filter.personIds.join(',')}}`);
  }
  if (filter.agencyId) {
    where.push('p.agency_id = ?');
    params.push(filter.agencyId);
  }
  if (filter.sector) {
    where.push('a.sector = ?');
    params.push(filter.sector);
  }
  // nobody is counted on a day before they joined (a report's as-at date may be in the past)
  where.push(`(p.created_at at time zone 'Europe/London')::date <= ?::date`);
  params.push(today);
  const sql = `select r.id as requirement_id, r.name as requirement_name, r.validity_months, r.new_starter_months, r.refresher_months,
         p.id as person_id, p.name, p.email, p.agency_id, a.name as agency_name, a.sector::text as sector,
         (p.created_at at time zone 'Europe/London')::date as joined_on,
         (select max(c.completed_on) from training_completion c
           where c.person_id = p.id and c.revoked_at is null and c.completed_on <= ?::date
             and (c.course_id = any(r.course_ids)
               or (c.source = 'EXTERNAL' and r.external_min_level is not null and c.level >= r.external_min_level))
         ) as last_completed_on
       from mandatory_requirement r
       cross join person p
       left join agency a on a.id = p.agency_id
       where p.status = 'ACTIVE'
         and (p.roles && r.roles or p.agency_id = any(r.agency_ids) or a.sector = any(r.sectors))
         ${where.map((w) => `and ${w}`).join(' ')}`;
  return { sql, params };
}

/**
 * The mandatory training queries, defined once and used by the practitioner's page, compliance, the agency
 * lead's page and the reminders. Whom a requirement applies to and what satisfies it are decided here, in
 * PostgreSQL: active people with any of its roles, in any of its agencies, or in an agency of any of its
 * sectors; completions not revoked, of any of its courses (any source), or learning elsewhere (EXTERNAL)
 * of at least its level.
 */
@Injectable()
export class MandatoryTrainingRepository {
  async applicable(em: EntityManager, today: string, filter: ApplicableFilter = {}): Promise<ApplicableRow[]> {
    const { sql, params } = applicableSql(today, filter);
    const rows = await em.execute<
      {
        requirement_id: string;
        person_id: string;
        name: string;
        email: string;
        agency_id: string | null;
        agency_name: string | null;
        joined_on: string;
        last_completed_on: string | null;
      }[]
    >(
      `select requirement_id, person_id, name, email, agency_id, agency_name,
              to_char(joined_on, 'YYYY-MM-DD') as joined_on, to_char(last_completed_on, 'YYYY-MM-DD') as last_completed_on
         from (${sql}) x
        order by requirement_name, requirement_id, name, person_id`,
      params,
    );
    return rows.map((r) => ({
      requirementId: r.requirement_id,
      personId: r.person_id,
      name: r.name,
      email: r.email,
      agencyId: r.agency_id,
      agencyName: r.agency_name,
      joinedOn: r.joined_on,
      lastCompletedOn: r.last_completed_on,
    }));
  }

  /**
   * How many people stand at each status per requirement and agency on `today`, counted in PostgreSQL: the
   * figures of compliance and its report, without a row per person leaving the database. The status is
   * libs/domain `standingOf` written in SQL (`STATUS_SQL`); mandatory-standings.int-spec.ts checks the two agree.
   */
  async statusCounts(em: EntityManager, today: string, filter: ApplicableFilter = {}): Promise<StatusCountRow[]> {
    const { sql, params } = applicableSql(today, filter);
    const rows = await em.execute<
      {
        requirement_id: string;
        requirement_name: string;
        agency_id: string | null;
        agency_name: string | null;
        sector: string | null;
        status: MandatoryStatus;
        count: string;
      }[]
    >(
      `select requirement_id, min(requirement_name) as requirement_name, agency_id, min(agency_name) as agency_name,
              min(sector) as sector, ${STATUS_SQL} as status, count(*) as count
         from (${sql}) x
        group by requirement_id, agency_id, 6`,
      [today, today, today, ...params], // the status comes first in the text
    );
    return rows.map((r) => ({
      requirementId: r.requirement_id,
      requirementName: r.requirement_name,
      agencyId: r.agency_id,
      agencyName: r.agency_name,
      sector: r.sector,
      status: r.status,
      count: Number(r.count),
    }));
  }

  /** Sessions of these courses a person could book now: scheduled, not started, booking open. Soonest first. */
  async bookableSessions(em: EntityManager, courseIds: readonly string[], now: Date, limit = 20): Promise<Session[]> {
    if (!courseIds.length) {
      return [];
    }
    return em.find(
      Session,
      {
        course: { $in: [...courseIds] },
        status: SessionStatus.SCHEDULED,
        startsAt: { $gt: now },
        $and: [
          { $or: [{ bookingOpensAt: null }, { bookingOpensAt: { $lte: now } }] },
          { $or: [{ bookingClosesAt: null }, { bookingClosesAt: { $gt: now } }] },
        ],
      },
      { populate: ['course', 'venue'], orderBy: { startsAt: 'asc' }, limit },
    );
  }

  /** People's live bookings (a place held, or waiting) on sessions of these courses not yet over (as the one-per-course rule counts them), soonest first. */
  async comingBookings(em: EntityManager, personIds: readonly string[], courseIds: readonly string[], now: Date): Promise<Booking[]> {
    if (!personIds.length || !courseIds.length) {
      return [];
    }
    return em.find(
      Booking,
      {
        person: { $in: [...personIds] },
        status: { $in: [...ACTIVE_BOOKING] },
        session: { course: { $in: [...courseIds] }, status: SessionStatus.SCHEDULED, endsAt: { $gt: now } },
      },
      { populate: ['session.course', 'session.venue'], orderBy: { session: { startsAt: 'asc' } } },
    );
  }
}
