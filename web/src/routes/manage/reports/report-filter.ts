import type {
  AgencyReportInput,
  AgencyReportSort,
  AgencySector,
  CourseFormat,
  ReportFilterInput,
  ReportPeriodKind,
} from '@lh/graphql-client';
import { ReportPeriodKind as Kinds } from '@lh/domain';
import { dateFromParams, type DateBoxes, NO_DATE } from '$lib/server/date-boxes';

export type { DateBoxes };

const SORTS: AgencyReportSort[] = ['NAME', 'BOOKED', 'ATTENDED', 'ATTENDANCE_RATE', 'DID_NOT_ATTEND', 'LATE_CANCELLATIONS', 'CHARGES'];
const SELECTS = ['priorityAreaId', 'level', 'format', 'courseId', 'trainerId', 'agencyId', 'sector'] as const;

/**
 * The reports' filter from the address, the one reader for the page and its downloads: a plain GET form
 * (works without JavaScript). `period` is the kind (default the financial year); `from` is the date boxes
 * (`from-day`...) or YYYY-MM-DD: for a year, quarter or month any date in it (default today), for custom
 * dates the first; `to` the last (custom only). Then the filters as the selects name them, and the agency
 * table's `by` (agency or sector), `sort` and `dir`. What the form cannot read is passed on as typed, so the
 * API names the problem.
 */
export function reportQueryFrom(params: URLSearchParams) {
  const kind = params.get('period')?.trim() || Kinds.FINANCIAL_YEAR;
  const from = dateFromParams(params, 'from');
  const to = dateFromParams(params, 'to');
  const filter: ReportFilterInput = { periodKind: kind as ReportPeriodKind };
  if (from) {
    filter.from = from.iso;
  }
  if (to && kind === Kinds.CUSTOM) {
    filter.to = to.iso;
  }
  const values = { period: kind } as Record<'period' | (typeof SELECTS)[number], string>;
  for (const name of SELECTS) {
    const value = params.get(name)?.trim() ?? '';
    values[name] = value;
    if (!value) {
      continue;
    }
    if (name === 'level') {
      filter.level = /^\d$/.test(value) ? Number(value) : 0;
    } else if (name === 'format') {
      filter.format = value as CourseFormat;
    } else if (name === 'sector') {
      filter.sector = value as AgencySector;
    } else {
      filter[name] = value;
    }
  }
  const sort = params.get('sort') ?? '';
  const agency: AgencyReportInput = {
    bySector: params.get('by') === 'sector',
    sort: SORTS.includes(sort as AgencyReportSort) ? (sort as AgencyReportSort) : 'NAME',
    descending: params.get('dir') === 'desc',
  };
  return {
    filter,
    agency,
    values: { ...values, from: from?.boxes ?? NO_DATE, to: to?.boxes ?? NO_DATE, by: agency.bySector ? 'sector' : 'agency' },
  };
}

/** The address (page or download) for a filter and the agency table's choices, as YYYY-MM-DD dates. */
export function reportHref(path: string, filter: ReportFilterInput, agency: AgencyReportInput, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams();
  q.set('period', filter.periodKind ?? Kinds.FINANCIAL_YEAR);
  if (filter.from) {
    q.set('from', filter.from);
  }
  if (filter.to) {
    q.set('to', filter.to);
  }
  for (const name of SELECTS) {
    const v = filter[name];
    if (v !== null && v !== undefined && v !== '') {
      q.set(name, String(v));
    }
  }
  if (agency.bySector) {
    q.set('by', 'sector');
  }
  if (agency.sort && agency.sort !== 'NAME') {
    q.set('sort', agency.sort);
  }
  if (agency.descending) {
    q.set('dir', 'desc');
  }
  for (const [k, v] of Object.entries(extra)) {
    q.set(k, v);
  }
  return `${path}?${q.toString()}`;
}

/** The filters that choose courses or sessions; compliance (report 5) is of people, so they do not apply to it. */
export const COURSE_FILTERS = ['priorityAreaId', 'level', 'format', 'courseId', 'trainerId'] as const;

/** A filter for the compliance report: the period, agency and sector only (the course filters do not apply). */
export function withoutCourseFilters(filter: ReportFilterInput): ReportFilterInput {
  const rest = { ...filter };
  for (const name of COURSE_FILTERS) {
    delete rest[name];
  }
  return rest;
}

/** Where the API's field names go on the form: the first box of a date, the select otherwise. */
export function formFieldOf(field: string): string {
  const name = field.replace(/^filter\./, '');
  return name === 'periodKind' ? 'period' : name === 'from' || name === 'to' ? `${name}-day` : name;
}
