import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ChargeStatus, CourseOutcome, NO_CHARGE, type ChargeAgencyType, type ChargeRates } from '@lh/domain';
import { NonAttendancePolicy } from './non-attendance-policy.entity';

/** Which charges a list shows: those in one status, or the non-attendances nothing was charged for. */
export type ChargeFilter = ChargeStatus | 'NOT_CHARGED';

/** One row of the non-attendance list: an outcome in the period that was not attendance, or that a charge was written for. */
export interface NonAttendanceRow {
  bookingId: string;
  outcome: CourseOutcome;
  decidedAt: Date;
  personId: string;
  personName: string;
  personEmail: string;
  agencyId: string | null;
  agencyName: string | null;
  sessionId: string;
  sessionStartsAt: Date;
  courseId: string;
  courseTitle: string;
  charge: {
    id: string;
    status: ChargeStatus;
    days: number;
    perDayPence: number;
    amountPence: number;
    rule: string;
    chargedAt: Date;
    statusReason: string | null;
    statusChangedAt: Date | null;
    statusChangedByName: string | null;
  } | null;
}

interface RawRow {
  booking_id: string;
  outcome: CourseOutcome;
  decided_at: Date;
  person_id: string;
  person_name: string;
  person_email: string;
  agency_id: string | null;
  agency_name: string | null;
  session_id: string;
  starts_at: Date;
  course_id: string;
  course_title: string;
  charge_id: string | null;
  status: ChargeStatus | null;
  days: number | null;
  per_day_pence: number | null;
  amount_pence: number | null;
  rule: string | null;
  charged_at: Date | null;
  status_reason: string | null;
  status_changed_at: Date | null;
  status_changed_by_name: string | null;
}

/**
 * The queries about non-attendance more than one service needs, each defined once: the policy's rates
 * (charges and the policy page), and the list of non-attendances and their charges (the coordinators'
 * page, its totals and the CSV for invoicing).
 */
@Injectable()
export class NonAttendanceRepository {
  /** The daily rates of every agency type (a type with no row pays nothing). */
  async rates(em: EntityManager): Promise<(type: ChargeAgencyType) => ChargeRates> {
    const rows = await em.find(NonAttendancePolicy, {});
    const byType = new Map(rows.map((r) => [r.agencyType, r]));
    return (type) => byType.get(type) ?? NO_CHARGE;
  }

  /** The policy rows as stored, by agency type. */
  async policyRows(em: EntityManager): Promise<Map<ChargeAgencyType, NonAttendancePolicy>> {
    const rows = await em.find(NonAttendancePolicy, {}, { populate: ['updatedBy'] });
    return new Map(rows.map((r) => [r.agencyType, r]));
  }

  /**
   * Non-attendances and late cancellations on sessions starting in [start, end), with each one's charge
   * (the live one, else the latest void one), plus places whose charge was voided by a correction.
   * By session start, then course and name.
   */
  async list(
    em: EntityManager,
    filter: { start: Date; end: Date; agencyId?: string | null; charge?: ChargeFilter | null },
  ): Promise<NonAttendanceRow[]> {
    const where: string[] = [];
    const params: unknown[] = [filter.start, filter.end, [CourseOutcome.DID_NOT_ATTEND, CourseOutcome.LATE_CANCELLATION]];
    if (filter.agencyId) {
      where.push('and o.agency_id = ?');
      params.push(filter.agencyId);
    }
    if (filter.charge === 'NOT_CHARGED') {
      where.push('and c.id is null');
    } else if (filter.charge) {
      where.push('and c.status = ?');
      params.push(filter.charge);
    }
    const rows = await em.execute<RawRow[]>(
      `select o.booking_id, o.outcome, o.decided_at, o.person_id, p.name as person_name, p.email as person_email,
              o.agency_id, a.name as agency_name, s.id as session_id, s.starts_at, co.id as course_id, co.title as course_title,
              c.id as charge_id, c.status, c.days, c.per_day_pence, c.amount_pence, c.rule, c.charged_at,
              c.status_reason, c.status_changed_at, c.status_changed_by_name
         from attendance_outcome o
         join session s on s.id = o.session_id
         join course co on co.id = s.course_id
         join person p on p.id = o.person_id
         left join agency a on a.id = o.agency_id
         left join lateral (
           select * from non_attendance_charge x where x.booking_id = o.booking_id
            order by (x.status <> '${ChargeStatus.VOID}') desc, x.charged_at desc, x.id desc limit 1
         ) c on true
        where s.starts_at >= ? and s.starts_at < ?
          and (o.outcome in (?) or c.id is not null)
          ${where.join(' ')}
        order by s.starts_at, co.title, p.name, o.booking_id`,
      params,
    );
    return rows.map((r) => ({
      bookingId: r.booking_id,
      outcome: r.outcome,
      decidedAt: new Date(r.decided_at),
      personId: r.person_id,
      personName: r.person_name,
      personEmail: r.person_email,
      agencyId: r.agency_id,
      agencyName: r.agency_name,
      sessionId: r.session_id,
      sessionStartsAt: new Date(r.starts_at),
      courseId: r.course_id,
      courseTitle: r.course_title,
      charge: r.charge_id
        ? {
            id: r.charge_id,
            status: r.status!,
            days: Number(r.days),
            perDayPence: Number(r.per_day_pence),
            amountPence: Number(r.amount_pence),
            rule: r.rule!,
            chargedAt: new Date(r.charged_at!),
            statusReason: r.status_reason,
            statusChangedAt: r.status_changed_at ? new Date(r.status_changed_at) : null,
            statusChangedByName: r.status_changed_by_name,
          }
        : null,
    }));
  }
}
