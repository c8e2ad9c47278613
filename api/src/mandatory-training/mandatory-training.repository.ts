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
 * `today`), as dates. Set-based: the people and requirements the filter keeps, then their satisfying completions
 * found once (a requirement's courses unnested and joined to completions by course; learning elsewhere by level)
 * and the latest per requirement and person, not a search of each person's record per requirement.
 */
function applicableSql(today: string, filter: ApplicableFilter): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const p = (value: unknown) => (params.push(value), '?');
  const people = [`p.status = 'ACTIVE'`, `(p.created_at at time zone 'Europe/London')::date <= ${p(today)}::date`];
  if (filter.personIds) {
    people.push(`p.id = any(${p(`{${filter.personIds.join(',')}}`)}::uuid[])`);
  }
  if (filter.agencyId) {
    people.push(`p.agency_id = ${p(filter.agencyId)}`);
  }
  if (filter.sector) {
    people.push(`a.sector = ${p(filter.sector)}`);
  }
  const requirements = filter.requirementIds ? `where r.id = any(${p(`{${filter.requirementIds.join(',')}}`)}::uuid[])` : '';
  // with people chosen (one person's page, an agency), only their completions are read
  const theirs = filter.personIds || filter.agencyId || filter.sector ? 'and c.person_id in (select id from people)' : '';
  // nobody is counted on a day before they joined (a report's as-at date may be in the past)
  const sql = `with people as (
      select p.id, p.name, p.email, p.roles, p.agency_id, a.name as agency_name, a.sector,
             (p.created_at at time zone 'Europe/London')::date as joined_on
        from person p left join agency a on a.id = p.agency_id
       where ${people.join(' and ')}
    ), reqs as (
      select * from mandatory_requirement r ${requirements}
    ), done as (
      select requirement_id, person_id, max(completed_on) as last_completed_on
        from (select rc.id as requirement_id, c.person_id, c.completed_on
                from (select r.id, unnest(r.course_ids) as course_id from reqs r) rc
                join training_completion c on c.course_id = rc.course_id
               where c.revoked_at is null and c.completed_on <= ${p(today)}::date ${theirs}
              union all
              select r.id, c.person_id, c.completed_on
                from reqs r join training_completion c on c.source = 'EXTERNAL' and c.level >= r.external_min_level
               where c.revoked_at is null and c.completed_on <= ${p(today)}::date ${theirs}) x
       group by 1, 2
    )
    select r.id as requirement_id, r.name as requirement_name, r.validity_months, r.new_starter_months, r.refresher_months,
           p.id as person_id, p.name, p.email, p.agency_id, p.agency_name, p.sector::text as sector, p.joined_on,
           d.last_completed_on
      from reqs r
      join people p on p.roles && r.roles or p.agency_id = any(r.agency_ids) or p.sector = any(r.sectors)
      left join done d on d.requirement_id = r.id and d.person_id = p.id`;
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
