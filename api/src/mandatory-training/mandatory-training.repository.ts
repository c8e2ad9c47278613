import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ACTIVE_BOOKING, SessionStatus } from '@lh/domain';
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
      `select r.id as requirement_id, p.id as person_id, p.name, p.email, p.agency_id, a.name as agency_name,
         to_char((p.created_at at time zone 'Europe/London')::date, 'YYYY-MM-DD') as joined_on,
         (select to_char(max(c.completed_on), 'YYYY-MM-DD') from training_completion c
           where c.person_id = p.id and c.revoked_at is null and c.completed_on <= ?::date
             and (c.course_id = any(r.course_ids)
               or (c.source = 'EXTERNAL' and r.external_min_level is not null and c.level >= r.external_min_level))
         ) as last_completed_on
       from mandatory_requirement r
       cross join person p
       left join agency a on a.id = p.agency_id
       where p.status = 'ACTIVE'
         and (p.roles && r.roles or p.agency_id = any(r.agency_ids) or a.sector = any(r.sectors))
         ${where.map((w) => `and ${w}`).join(' ')}
       order by r.name, r.id, p.name, p.id`,
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
