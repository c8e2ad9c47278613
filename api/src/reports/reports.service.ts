import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Role, agencySectorLabels, shareOf, type AgencySector, type ReportPeriod } from '@lh/domain';
import { Clock } from '../common/clock';
import { hasRole, type Viewer } from '../common/viewer';
import { isCoordinator } from '../common/access';
import { Agency } from '../people/agency.entity';
import { Course } from '../catalogue/course.entity';
import { PriorityArea } from '../catalogue/priority-area.entity';
import { Person } from '../people/person.entity';
import { ReportFigures } from './report-figures';
import { ReportFilters } from './report-filter';
import {
  AgencyReportSort,
  type AgencyFiguresType,
  type AgencyReportInput,
  type AgencyReportRowType,
  type AgencyReportType,
  type AnnualReportAreaType,
  type AnnualReportTableType,
  type ProgrammeSummaryType,
  type ReportFilterInput,
  type ReportFilterOptionsType,
  type ReportPeriodType,
} from './reports.types';

/** How many periods a report by agency shows: the one asked for and two before it (the trend). */
export const TREND_PERIODS = 3;

const num = (v: string | number | null | undefined) => Number(v ?? 0);
const periodType = (p: ReportPeriod): ReportPeriodType => ({ kind: p.kind, from: p.from, to: p.to, label: p.label });

/** One period's columns of an agency row (`booked_1`, ...) as figures. */
function agencyFigures(row: Record<string, string | number | null>, i: number): AgencyFiguresType {
  const booked = num(row[`booked_${i}`]);
  const attendedBooked = num(row[`attended_booked_${i}`]);
  return {
    booked,
    attended: num(row[`attended_${i}`]),
    attendedBooked,
    attendanceRate: shareOf(attendedBooked, booked),
    didNotAttend: num(row[`did_not_attend_${i}`]),
    lateCancellations: num(row[`late_cancellations_${i}`]),
    chargesPence: num(row[`charges_pence_${i}`]),
  };
}

function agencyRow(key: string, name: string, row: Record<string, string | number | null>): AgencyReportRowType {
  const trend = Array.from({ length: TREND_PERIODS }, (_, i) => agencyFigures(row, TREND_PERIODS - 1 - i));
  const current = trend[TREND_PERIODS - 1]!;
  const previous = trend[TREND_PERIODS - 2]!;
  return {
    key,
    name,
    current,
    previous,
    attendanceRateChange:
      current.attendanceRate === null || previous.attendanceRate === null ? null : (current.attendanceRate - previous.attendanceRate) * 100,
    didNotAttendChange: current.didNotAttend - previous.didNotAttend,
    trend,
  };
}

/**
 * The workforce development reports (coordinators and reviewers): the programme summary, the annual-report
 * table and the figures by agency or sector. Every figure is counted by report-sql.ts as the glossary defines
 * it; this service checks the filter (ReportFilters), reads `now` once and shapes the rows. No report holds a
 * person's name, so what a reviewer sees is aggregates only.
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly filters: ReportFilters,
    private readonly figures: ReportFigures,
  ) {}

  async programmeSummary(viewer: Viewer, filter: ReportFilterInput): Promise<ProgrammeSummaryType> {
    const em = this.em.fork();
    const checked = await this.filters.check(em, viewer, filter, this.clock.now());
    const figures = (await this.figures.byKey(em, checked.scope, 'ALL')).get('all')!;
    return { period: periodType(checked.periods[0]!), filters: checked.labels, figures };
  }

  async annualTable(viewer: Viewer, filter: ReportFilterInput): Promise<AnnualReportTableType> {
    const em = this.em.fork();
    const checked = await this.filters.check(em, viewer, filter, this.clock.now());
    // the table shows sessions delivered and attendance: the session and place rows only
    const figures = await this.figures.byKeys(em, checked.scope, ['COURSE', 'PRIORITY_AREA', 'ALL'] as const, {
      kinds: ['sessions', 'places'],
    });
    const [byCourse, byArea, all] = [figures.get('COURSE')!, figures.get('PRIORITY_AREA')!, figures.get('ALL')!];
    const courses = byCourse.size ? await em.find(Course, { id: { $in: [...byCourse.keys()] } }, { populate: ['priorityArea'] }) : [];
    const areas = new Map<string, AnnualReportAreaType>();
    for (const course of courses.sort((a, b) => a.title.localeCompare(b.title))) {
      const area: PriorityArea = course.priorityArea;
      const f = byCourse.get(course.id)!;
      if (f.sessionsDelivered === 0) {
        continue; // only cancelled or not yet run in the period: nothing delivered to report
      }
      const entry =
        areas.get(area.id) ??
        (() => {
          const a = byArea.get(area.id)!;
          const made: AnnualReportAreaType = {
            priorityAreaId: area.id,
            name: area.name,
            courses: [],
            subtotal: { courseId: null, label: `${area.name} total`, delivered: a.sessionsDelivered, attendance: a.attended },
          };
          areas.set(area.id, made);
          return made;
        })();
      entry.courses.push({ courseId: course.id, label: course.title, delivered: f.sessionsDelivered, attendance: f.attended });
    }
    const total = all.get('all')!;
    return {
      period: periodType(checked.periods[0]!),
      filters: checked.labels,
      areas: [...areas.values()].sort((a, b) => a.name.localeCompare(b.name)),
      total: { courseId: null, label: 'Total', delivered: total.sessionsDelivered, attendance: total.attended },
    };
  }

  async byAgency(viewer: Viewer, filter: ReportFilterInput, input: AgencyReportInput): Promise<AgencyReportType> {
    const em = this.em.fork();
    const checked = await this.filters.check(em, viewer, filter, this.clock.now(), TREND_PERIODS);
    const sort = input.sort ?? AgencyReportSort.NAME;
    const by = input.bySector ? 'SECTOR' : 'AGENCY';
    const [rows, totals] = await Promise.all([
      this.figures.agencyRows(em, checked.scope, by, sort, input.descending),
      this.figures.agencyTotals(em, checked.scope),
    ]);
    const nameOf = (row: Record<string, string | number | null>) => {
      const key = String(row.gkey);
      if (key === 'none') {
        return 'No agency';
      }
      return input.bySector ? agencySectorLabels[key as AgencySector] : String(row.name);
    };
    return {
      period: periodType(checked.periods[0]!),
      previousPeriod: periodType(checked.periods[1]!),
      trendPeriods: [...checked.periods].reverse().map(periodType),
      filters: checked.labels,
      bySector: input.bySector,
      sort,
      descending: input.descending,
      rows: rows.map((r) => agencyRow(String(r.gkey), nameOf(r), r)),
      total: agencyRow('total', 'Total', totals),
    };
  }

  /** The choices of the filter form; trainers (names) for coordinators only; no agencies for agency leads. */
  async filterOptions(viewer: Viewer): Promise<ReportFilterOptionsType> {
    const lead = !hasRole(viewer, Role.COORDINATOR, Role.REVIEWER);
    if (lead && !hasRole(viewer, Role.AGENCY_LEAD)) {
      return { priorityAreas: [], courses: [], agencies: [], trainers: [] };
    }
    const em = this.em.fork();
    const [areas, courses, agencies, trainers] = await Promise.all([
      em.find(PriorityArea, {}, { orderBy: { name: 'asc' } }),
      em.find(Course, {}, { orderBy: { title: 'asc' } }),
      lead ? Promise.resolve([]) : em.find(Agency, {}, { orderBy: { name: 'asc' } }),
      isCoordinator(viewer) ? em.find(Person, { roles: { $contains: [Role.TRAINER] } }, { orderBy: { name: 'asc' } }) : Promise.resolve([]),
    ]);
    return {
      priorityAreas: areas.map((a) => ({ id: a.id, name: a.name })),
      courses: courses.map((c) => ({ id: c.id, name: c.title })),
      agencies: agencies.map((a) => ({ id: a.id, name: a.name })),
      trainers: trainers.map((t) => ({ id: t.id, name: t.name })),
    };
  }
}
