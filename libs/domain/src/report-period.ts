import { isSearchableDate } from './session-schedule';

/**
 * The period a report covers, in London dates. Financial year (1 April to 31 March, the default), academic
 * year (1 September to 31 August), quarter (of the financial year), month, or custom dates. A session
 * belongs to a period by the London date of its first part. Pure: no clock, `today` is passed in.
 */
export enum ReportPeriodKind {
  FINANCIAL_YEAR = 'FINANCIAL_YEAR',
  ACADEMIC_YEAR = 'ACADEMIC_YEAR',
  QUARTER = 'QUARTER',
  MONTH = 'MONTH',
  CUSTOM = 'CUSTOM',
}

export const reportPeriodKindLabels: Record<`${ReportPeriodKind}`, string> = {
  [ReportPeriodKind.FINANCIAL_YEAR]: 'Financial year (April to March)',
  [ReportPeriodKind.ACADEMIC_YEAR]: 'Academic year (September to August)',
  [ReportPeriodKind.QUARTER]: 'Quarter',
  [ReportPeriodKind.MONTH]: 'Month',
  [ReportPeriodKind.CUSTOM]: 'Dates you choose',
};

/** What was asked: a kind and a date in the period (`from`), or for custom dates both ends. */
export interface ReportPeriodRequest {
  kind?: ReportPeriodKind | null;
  /** Custom: the first day. Otherwise any day in the period wanted (default: today). YYYY-MM-DD. */
  from?: string | null;
  /** Custom only: the last day, included. */
  to?: string | null;
}

export interface ReportPeriod {
  kind: ReportPeriodKind;
  /** First London date, YYYY-MM-DD. */
  from: string;
  /** Last London date, included. */
  to: string;
  /** "Financial year 2026-27", "Quarter 2 2026-27 (July to September 2026)", "1 May 2026 to 9 June 2026". */
  label: string;
}

/** The longest custom period: ten years. */
export const MAX_REPORT_PERIOD_DAYS = 3653;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const lastDayOf = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const addDays = (date: string, days: number) => {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
/** Days from `from` to `to`, both included. */
export const daysIn = (from: string, to: string): number => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;

/** "3 March 2026". */
export function formatIsoDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${d} ${MONTHS[m! - 1]} ${y}`;
}

const shortYear = (start: number) => `${start}-${pad((start + 1) % 100)}`;

/** The period of `kind` that `date` falls in (not custom). */
export function periodContaining(kind: Exclude<ReportPeriodKind, ReportPeriodKind.CUSTOM>, date: string): ReportPeriod {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  switch (kind) {
    case ReportPeriodKind.FINANCIAL_YEAR: {
      const start = m >= 4 ? y : y - 1;
      return { kind, from: iso(start, 4, 1), to: iso(start + 1, 3, 31), label: `Financial year ${shortYear(start)}` };
    }
    case ReportPeriodKind.ACADEMIC_YEAR: {
      const start = m >= 9 ? y : y - 1;
      return { kind, from: iso(start, 9, 1), to: iso(start + 1, 8, 31), label: `Academic year ${shortYear(start)}` };
    }
    case ReportPeriodKind.QUARTER: {
      const first = m - ((m - 1) % 3);
      const last = first + 2;
      const fyStart = first >= 4 ? y : y - 1;
      const q = first >= 4 ? (first - 1) / 3 : 4;
      return {
        kind,
        from: iso(y, first, 1),
        to: iso(y, last, lastDayOf(y, last)),
        label: `Quarter ${q} ${shortYear(fyStart)} (${MONTHS[first - 1]} to ${MONTHS[last - 1]} ${y})`,
      };
    }
    case ReportPeriodKind.MONTH:
      return { kind, from: iso(y, m, 1), to: iso(y, m, lastDayOf(y, m)), label: `${MONTHS[m - 1]} ${y}` };
  }
}

/** The problems with a request, by the field at fault, in the words of the form. None means `resolvePeriod` succeeds. */
export function reportPeriodProblems(request: ReportPeriodRequest): { field: 'kind' | 'from' | 'to'; message: string }[] {
  const kind = request.kind ?? ReportPeriodKind.FINANCIAL_YEAR;
  if (!Object.values(ReportPeriodKind).includes(kind)) {
    return [{ field: 'kind', message: 'Choose a kind of period from the list' }];
  }
  if (kind !== ReportPeriodKind.CUSTOM) {
    return request.from && !isSearchableDate(request.from)
      ? [{ field: 'from', message: 'The date in the period must be a real date between 1900 and 2999' }]
      : [];
  }
  const problems: { field: 'kind' | 'from' | 'to'; message: string }[] = [];
  if (!request.from) {
    problems.push({ field: 'from', message: 'Enter the start of the period' });
  } else if (!isSearchableDate(request.from)) {
    problems.push({ field: 'from', message: 'The start of the period must be a real date between 1900 and 2999' });
  }
  if (!request.to) {
    problems.push({ field: 'to', message: 'Enter the end of the period' });
  } else if (!isSearchableDate(request.to)) {
    problems.push({ field: 'to', message: 'The end of the period must be a real date between 1900 and 2999' });
  }
  if (problems.length) {
    return problems;
  }
  if (request.to! < request.from!) {
    return [{ field: 'to', message: 'The end of the period must be the same as or after its start' }];
  }
  if (daysIn(request.from!, request.to!) > MAX_REPORT_PERIOD_DAYS) {
    return [{ field: 'to', message: 'Choose a period of at most ten years' }];
  }
  return [];
}

/** The period asked for; call `reportPeriodProblems` first (this throws on a request with problems). */
export function resolvePeriod(request: ReportPeriodRequest, today: string): ReportPeriod {
  if (reportPeriodProblems(request).length) {
    throw new Error('resolvePeriod: the request has problems');
  }
  const kind = request.kind ?? ReportPeriodKind.FINANCIAL_YEAR;
  if (kind === ReportPeriodKind.CUSTOM) {
    return { kind, from: request.from!, to: request.to!, label: `${formatIsoDate(request.from!)} to ${formatIsoDate(request.to!)}` };
  }
  return periodContaining(kind, request.from ?? today);
}

/** The period of the same length just before: the year, quarter or month before, or as many days before. */
export function previousPeriod(period: ReportPeriod): ReportPeriod {
  if (period.kind !== ReportPeriodKind.CUSTOM) {
    return periodContaining(period.kind, addDays(period.from, -1));
  }
  const to = addDays(period.from, -1);
  const from = addDays(to, -(daysIn(period.from, period.to) - 1));
  return { kind: period.kind, from, to, label: `${formatIsoDate(from)} to ${formatIsoDate(to)}` };
}

/** This period and the ones before it, newest first: `[this, previous, the one before]` for three. */
export function periodsEndingWith(period: ReportPeriod, count: number): ReportPeriod[] {
  const periods = [period];
  while (periods.length < count) {
    periods.push(previousPeriod(periods[periods.length - 1]!));
  }
  return periods;
}

/** The day after a London date (a period's end is included; queries take the midnight after it). */
export const dayAfterDate = (date: string): string => addDays(date, 1);
