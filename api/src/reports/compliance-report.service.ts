import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { DomainError, ErrorCode, MANDATORY_STATUSES, MandatoryStatus, londonToday, shareOf, type ReportPeriod } from '@lh/domain';
import { Clock } from '../common/clock';
import type { Viewer } from '../common/viewer';
import { MandatoryStandings, type StandingRow } from '../mandatory-training/mandatory-standings';
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
  now: readonly StandingRow[],
  before: readonly StandingRow[],
): ComplianceReportRowType {
  const count = (status: MandatoryStatus) => now.filter((r) => r.standing.status === status).length;
  const compliantShare = shareOf(count(MandatoryStatus.CURRENT), now.length);
  const previousCompliantShare = shareOf(before.filter((r) => r.standing.status === MandatoryStatus.CURRENT).length, before.length);
  return {
    agencyId,
    label,
    applies: now.length,
    statuses: MANDATORY_STATUSES.map((status) => ({ status, count: count(status), share: shareOf(count(status), now.length) })),
    compliantShare,
    previousApplies: before.length,
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
    const scope = {
      ...(checked.scope.agencyId ? { agencyId: checked.scope.agencyId } : {}),
      ...(checked.scope.sector ? { sector: checked.scope.sector } : {}),
    };
    const [mine, mineBefore, all, allBefore] = await Promise.all([
      this.standings.rows(this.em.fork(), asAt, scope),
      this.standings.rows(this.em.fork(), previousAsAt, scope),
      this.standings.rows(this.em.fork(), asAt),
      this.standings.rows(this.em.fork(), previousAsAt),
    ]);
    const requirements = new Map<string, string>();
    for (const r of [...all, ...allBefore]) {
      requirements.set(r.requirementId, r.requirementName);
    }
    const of = (rows: readonly StandingRow[], requirementId: string, agencyId?: string | null) =>
      rows.filter((r) => r.requirementId === requirementId && (agencyId === undefined || r.agencyId === agencyId));
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
