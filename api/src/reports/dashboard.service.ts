import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { londonToUtc } from '@lh/domain';
import { Clock } from '../common/clock';
import type { Viewer } from '../common/viewer';
import { EvaluationReportService } from './evaluation-report.service';
import { EvaluationBreakdown } from './evaluation-report.types';
import { ReportFigures } from './report-figures';
import { ReportFilters } from './report-filter';
import { monthsOf } from './report-months';
import { ReportsService } from './reports.service';
import type { ReportDashboardType, ReportMonthType } from './dashboard.types';
import { AgencyReportSort, type ReportFilterInput } from './reports.types';

/**
 * The reports dashboard: the programme summary's headline figures, attendance per month of the period (the
 * months are the scope's periods, so one query counts them all), did not attend by agency (the agency
 * report, most first) and confidence across the four stages (report 4's, for the same filter). Aggregates only.
 */
@Injectable()
export class DashboardService {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly filters: ReportFilters,
    private readonly figures: ReportFigures,
    private readonly reports: ReportsService,
    private readonly evaluation: EvaluationReportService,
  ) {}

  async dashboard(viewer: Viewer, filter: ReportFilterInput): Promise<ReportDashboardType> {
    const [summary, months, agency, evaluation] = await Promise.all([
      this.reports.programmeSummary(viewer, filter),
      this.months(viewer, filter),
      this.reports.byAgency(viewer, filter, { bySector: false, sort: AgencyReportSort.DID_NOT_ATTEND, descending: true }),
      this.evaluation.report(viewer, filter, EvaluationBreakdown.COURSE),
    ]);
    const period = summary.period;
    return {
      period,
      filters: summary.filters,
      figures: summary.figures,
      months,
      agencies: agency.rows,
      // report 4's confidence for the same filter, so the chart and the evaluation report always agree
      confidence: evaluation.confidence.map((c) => ({
        stage: c.point,
        label: c.label,
        responses: c.average === null ? 0 : c.responses,
        average: c.average,
      })),
      confidenceScope: evaluation.anonymousLeftOut
        ? 'Confidence is from the named answers only: with a trainer or agency filter, anonymous answers cannot be counted.'
        : 'Confidence is counted by the month of the session, as in the evaluation and impact report.',
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
