import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { DomainError, ErrorCode, MANDATORY_STATUSES, MandatoryStatus, londonToday, shareOf, type ReportPeriod } from '@lh/domain';
import { Clock } from '../common/clock';
import type { Viewer } from '../common/viewer';
import { MandatoryStandings } from '../mandatory-training/mandatory-standings';
import type { StatusCountRow } from '../mandatory-training/mandatory-training.repository';
import { ReportFilters } from './report-filter';
import type { ComplianceReportRequirementType, ComplianceReportRowType, ComplianceReportType } from './compliance-report.types';
import type { ReportFilterInput } from './reports.types';

/** The filters that choose courses or sessions: compliance is of people, so they do not apply. */
const COURSE_FILTERS = ['priorityAreaId', 'level', 'format', 'courseId', 'trainerId'] as const;
const NO_AGENCY = 'No agency';
export const PARTNERSHIP = 'Whole partnership';

/** The as-at date of a period: its last day, or today if it ends later. */
export const asAtOf = (period: ReportPeriod, today: string): string => (period.to < today ? period.to : today);

const periodType = (p: ReportPeriod) => ({ kind: p.kind, from: p.from, to: p.to, label: p.label });

/** One group's figures now, beside the compliant share on the previous as-at date. */
function rowOf(
  agencyId: string | null,
  label: string,
  now: readonly StatusCountRow[],
  before: readonly StatusCountRow[],
): ComplianceReportRowType {
  const sum = (rows: readonly StatusCountRow[], status?: MandatoryStatus) =>
    rows.reduce((n, r) => (status === undefined || r.status === status ? n + r.count : n), 0);
  const [applies, previousApplies] = [sum(now), sum(before)];
  const compliantShare = shareOf(sum(now, MandatoryStatus.CURRENT), applies);
  const previousCompliantShare = shareOf(sum(before, MandatoryStatus.CURRENT), previousApplies);
  return {
    agencyId,
    label,
    applies,
    statuses: MANDATORY_STATUSES.map((status) => ({ status, count: sum(now, status), share: shareOf(sum(now, status), applies) })),
    compliantShare,
    previousApplies,
    previousCompliantShare,
    compliantShareChange:
      compliantShare === null || previousCompliantShare === null ? null : Math.round((compliantShare - previousCompliantShare) * 1000) / 10,
  };
}

/**
 * Report 5, mandatory training compliance (coordinators, reviewers, and agency leads for their own agency, as
 * ReportFilters forces it): where people stood against each requirement on the period's as-at date, by
 * agency within each requirement, with the whole partnership's total, and the compliant share on the
 * previous period's as-at date. The statuses are MandatoryStandings', the same as /manage/compliance
 * counts today. Counts only: no name leaves this service.
 */
@Injectable()
export class ComplianceReportService {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly filters: ReportFilters,
    private readonly standings: MandatoryStandings,
  ) {}

  async report(viewer: Viewer, filter: ReportFilterInput): Promise<ComplianceReportType> {
    const now = this.clock.now();
    const checked = await this.filters.check(this.em.fork(), viewer, filter, now, 2);
    const used = COURSE_FILTERS.filter((f) => filter[f] !== null && filter[f] !== undefined && filter[f] !== '');
    if (used.length) {
      const message = 'Compliance is counted for people, not courses: remove the priority area, level, format, course and trainer filters';
      throw new DomainError(
        ErrorCode.BadUserInput,
        message,
        used.map((f) => ({ field: `filter.${f}`, message })),
      );
    }
    const today = londonToday(now);
    const [period, previous] = checked.periods as [ReportPeriod, ReportPeriod];
    const asAt = asAtOf(period, today);
    const previousAsAt = asAtOf(previous, today);
    // counted in PostgreSQL per requirement, agency and status: the filters pick the agencies, the total is everyone
    const [all, allBefore] = await Promise.all([
      this.standings.counts(this.em.fork(), asAt),
      this.standings.counts(this.em.fork(), previousAsAt),
    ]);
    const { agencyId: onlyAgency, sector: onlySector } = checked.scope;
    const chosen = (r: StatusCountRow) => (!onlyAgency || r.agencyId === onlyAgency) && (!onlySector || r.sector === onlySector);
    const [mine, mineBefore] = [all.filter(chosen), allBefore.filter(chosen)];
    const requirements = new Map<string, string>();
    for (const r of [...all, ...allBefore]) {
      requirements.set(r.requirementId, r.requirementName);
    }
    const of = (rows: readonly StatusCountRow[], requirementId: string, agency?: string | null) =>
      rows.filter((r) => r.requirementId === requirementId && (agency === undefined || r.agencyId === agency));
    return {
      period: periodType(period),
      filters: checked.labels,
      asAt,
      previousPeriod: periodType(previous),
      previousAsAt,
      requirements: [...requirements]
        .sort(([, a], [, b]) => a.localeCompare(b))
        .map(([requirementId, name]): ComplianceReportRequirementType => {
          const agencies = new Map<string | null, string>();
          for (const r of of(mine, requirementId)) {
            agencies.set(r.agencyId, r.agencyName ?? NO_AGENCY);
          }
          return {
            requirementId,
            name,
            agencies: [...agencies]
              .sort(([, a], [, b]) => a.localeCompare(b))
              .map(([agencyId, label]) =>
                rowOf(agencyId, label, of(mine, requirementId, agencyId), of(mineBefore, requirementId, agencyId)),
              ),
            total: rowOf(null, PARTNERSHIP, of(all, requirementId), of(allBefore, requirementId)),
          };
        }),
    };
  }
}
