import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import {
  AuditAction,
  ChargeStatus,
  CourseOutcome,
  DomainError,
  ErrorCode,
  chargeStatusLabels,
  courseOutcomeLabels,
  londonParts,
  londonToUtc,
  periodProblems,
  poundsForCsv,
  toCsv,
} from '@lh/domain';
import { AuditLog } from '../audit/audit-log';
import { requireCoordinator } from '../common/access';
import { Clock } from '../common/clock';
import type { Viewer } from '../common/viewer';
import { NonAttendanceRepository, type NonAttendanceRow } from './non-attendance.repository';
import {
  NonAttendanceAgencyTotalType,
  NonAttendanceEntryType,
  type NonAttendanceCsvType,
  type NonAttendanceReportType,
} from './non-attendance.types';
import type { NonAttendanceFilterInput } from './dto/non-attendance.inputs';

const dayAfter = (date: string) => {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

/** The columns of the CSV, in order: what an invoice needs. */
export const CSV_COLUMNS = [
  'Agency',
  'Person',
  'Email',
  'Course',
  'Session date',
  'Outcome',
  'Days',
  'Amount (£)',
  'Status',
  'Waived or void reason',
] as const;

/**
 * Coordinators see the non-attendances and late cancellations of a period (by the session's start in
 * London), with each charge and where it stands, totals per agency, and the same list as CSV for invoicing.
 */
@Injectable()
export class NonAttendanceListService {
  constructor(
    private readonly em: EntityManager,
    private readonly repo: NonAttendanceRepository,
    private readonly clock: Clock,
  ) {}

  async report(viewer: Viewer, filter: NonAttendanceFilterInput): Promise<NonAttendanceReportType> {
    requireCoordinator(viewer);
    const rows = await this.rows(filter);
    return { from: filter.from, to: filter.to, entries: rows.map((r) => NonAttendanceEntryType.from(r)), totals: totalsOf(rows) };
  }

  async csv(viewer: Viewer, filter: NonAttendanceFilterInput): Promise<NonAttendanceCsvType> {
    requireCoordinator(viewer);
    const rows = await this.rows(filter);
    const lines = rows.map((r) => [
      r.agencyName ?? 'No agency',
      r.personName,
      r.personEmail,
      r.courseTitle,
      londonParts(r.sessionStartsAt).date,
      courseOutcomeLabels[r.outcome],
      r.charge?.days ?? '',
      poundsForCsv(r.charge?.amountPence ?? 0),
      r.charge ? chargeStatusLabels[r.charge.status] : 'Not charged',
      r.charge?.status === ChargeStatus.CHARGED ? '' : (r.charge?.statusReason ?? ''),
    ]);
    const fileName = `non-attendance-${filter.from}-to-${filter.to}.csv`;
    // it names people and what they were charged: the export is audited, as every file of personal data is
    await this.em.fork().transactional(async (tx) => {
      AuditLog.record(tx, viewer, {
        action: AuditAction.PERSONAL_DATA_EXPORTED,
        at: this.clock.now(),
        subject: { type: 'non_attendance', id: `${filter.from}/${filter.to}` },
        after: { file: `Non-attendance ${filter.from} to ${filter.to}`, format: 'CSV', people: rows.length },
      });
    });
    return { fileName, content: toCsv([[...CSV_COLUMNS], ...lines]) };
  }

  private rows(filter: NonAttendanceFilterInput): Promise<NonAttendanceRow[]> {
    const problems = periodProblems(filter);
    if (problems.length) {
      throw new DomainError(
        ErrorCode.BadUserInput,
        problems.map((p) => p.message).join('; '),
        problems.map((p) => ({ field: `filter.${p.field}`, message: p.message })),
      );
    }
    return this.repo.list(this.em.fork(), {
      start: londonToUtc(filter.from, '00:00'),
      end: londonToUtc(dayAfter(filter.to), '00:00'),
      agencyId: filter.agencyId ?? null,
      charge: filter.charge ?? null,
    });
  }
}

/** Per agency: how many of each outcome, what is still charged and what was waived. By agency name. */
function totalsOf(rows: readonly NonAttendanceRow[]): NonAttendanceAgencyTotalType[] {
  const byAgency = new Map<string, NonAttendanceAgencyTotalType>();
  for (const r of rows) {
    const key = r.agencyId ?? '';
    const t =
      byAgency.get(key) ??
      Object.assign(new NonAttendanceAgencyTotalType(), {
        agencyId: r.agencyId,
        agencyName: r.agencyName ?? 'No agency',
        nonAttendances: 0,
        lateCancellations: 0,
        chargedPence: 0,
        waivedPence: 0,
      });
    if (r.outcome === CourseOutcome.DID_NOT_ATTEND) {
      t.nonAttendances += 1;
    } else if (r.outcome === CourseOutcome.LATE_CANCELLATION) {
      t.lateCancellations += 1;
    }
    if (r.charge?.status === ChargeStatus.CHARGED) {
      t.chargedPence += r.charge.amountPence;
    } else if (r.charge?.status === ChargeStatus.WAIVED) {
      t.waivedPence += r.charge.amountPence;
    }
    byAgency.set(key, t);
  }
  return [...byAgency.values()].sort((a, b) => a.agencyName.localeCompare(b.agencyName, 'en-GB'));
}
