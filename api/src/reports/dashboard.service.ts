import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { londonToUtc } from '@lh/domain';
import { Clock } from '../common/clock';
import type { Viewer } from '../common/viewer';
import { ReportConfidence, CONFIDENCE_SCOPE } from './report-confidence';
import { ReportFigures } from './report-figures';
import { ReportFilters } from './report-filter';
import { monthsOf } from './report-months';
import { ReportsService } from './reports.service';
import type { ReportDashboardType, ReportMonthType } from './dashboard.types';
import { AgencyReportSort, type ReportFilterInput } from './reports.types';

/**
 * The reports dashboard: the programme summary's headline figures, attendance per month of the period (the
 * months are the scope's periods, so one query counts them all), did not attend by agency (the agency
 * report, most first) and confidence across the four stages (the survey results). Aggregates only.
 */
@Injectable()
export class DashboardService {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly filters: ReportFilters,
    private readonly figures: ReportFigures,
    private readonly reports: ReportsService,
    private readonly confidence: ReportConfidence,
  ) {}

  async dashboard(viewer: Viewer, filter: ReportFilterInput): Promise<ReportDashboardType> {
    const [summary, months, agency] = await Promise.all([
      this.reports.programmeSummary(viewer, filter),
      this.months(viewer, filter),
      this.reports.byAgency(viewer, filter, { bySector: false, sort: AgencyReportSort.DID_NOT_ATTEND, descending: true }),
    ]);
    const period = summary.period;
    return {
      period,
      filters: summary.filters,
      figures: summary.figures,
      months,
      agencies: agency.rows,
      confidence: await this.confidence.stages(viewer, filter, period),
      confidenceScope: CONFIDENCE_SCOPE,
    };
  }

  /** Attendance per month of the period, oldest first, from one query over the months as periods. */
  async months(viewer: Viewer, filter: ReportFilterInput): Promise<ReportMonthType[]> {
    const em = this.em.fork();
    const checked = await this.filters.check(em, viewer, filter, this.clock.now());
    const months = monthsOf(checked.periods[0]!);
    const newestFirst = [...months].reverse();
    const scope = { ...checked.scope, periodStarts: newestFirst.map((m) => londonToUtc(m.from, '00:00')) };
    const figures = await this.figures.byPeriod(em, scope);
    return newestFirst
      .map((m, i) => {
        const f = figures[i]!;
        return {
          from: m.from,
          to: m.to,
          label: m.label,
          sessionsDelivered: f.sessionsDelivered,
          booked: f.booked,
          attendedBooked: f.attendedBooked,
          attendanceRate: f.attendanceRate,
          didNotAttend: f.didNotAttend,
          didNotAttendRate: f.didNotAttendRate,
        };
      })
      .reverse();
  }
}
