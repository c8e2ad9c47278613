import type { NonAttendanceChargeFilter, NonAttendanceFilterInput } from '@lh/graphql-client';
import { financialYearToDate, londonParts, previousMonth, type DatePeriod } from '@lh/domain';
import { UNREADABLE_DATE } from '$lib/server/forms';
import { boxesOf, isoOf, type DateBoxes } from '$lib/server/date-boxes';

export type { DateBoxes };

const CHARGE_FILTERS: NonAttendanceChargeFilter[] = ['CHARGED', 'WAIVED', 'VOID', 'NOT_CHARGED'];

/** The quick periods offered as links, from today's London date. */
export function quickPeriods(now: Date): { label: string; period: DatePeriod }[] {
  const today = londonParts(now).date;
  return [
    { label: 'This financial year to date', period: financialYearToDate(today) },
    { label: 'Last month', period: previousMonth(today) },
  ];
}

/**
 * The list's filter from the address: the period from the date boxes of the filter form (`from-day`...),
 * or `from`/`to` as YYYY-MM-DD (quick links, the CSV link), else the financial year to date; the agency
 * and the charge status when given. A plain GET form, so it works without JavaScript.
 */
export function filterFrom(params: URLSearchParams, now: Date) {
  const fallback = financialYearToDate(londonParts(now).date);
  const dateOf = (name: 'from' | 'to'): { iso: string; boxes: DateBoxes } => {
    if (params.has(`${name}-day`) || params.has(`${name}-month`) || params.has(`${name}-year`)) {
      const boxes = {
        day: params.get(`${name}-day`)?.trim() ?? '',
        month: params.get(`${name}-month`)?.trim() ?? '',
        year: params.get(`${name}-year`)?.trim() ?? '',
      };
      return { iso: isoOf(boxes), boxes };
    }
    const given = params.get(name)?.trim();
    const iso = given ? (/^\d{4}-\d{2}-\d{2}$/.test(given) ? given : UNREADABLE_DATE) : fallback[name];
    return { iso, boxes: iso === UNREADABLE_DATE ? { day: '', month: '', year: '' } : boxesOf(iso) };
  };
  const from = dateOf('from');
  const to = dateOf('to');
  const agencyId = params.get('agencyId')?.trim() ?? '';
  const charge = params.get('charge') ?? '';
  const filter: NonAttendanceFilterInput = { from: from.iso, to: to.iso };
  if (agencyId) {
    filter.agencyId = agencyId;
  }
  if (CHARGE_FILTERS.includes(charge as NonAttendanceChargeFilter)) {
    filter.charge = charge as NonAttendanceChargeFilter;
  }
  return { filter, values: { from: from.boxes, to: to.boxes, agencyId, charge: filter.charge ?? '' } };
}

/** The address of the list (or its CSV) for a filter. */
export function hrefFor(path: string, filter: NonAttendanceFilterInput): string {
  const q = new URLSearchParams({ from: filter.from, to: filter.to });
  if (filter.agencyId) {
    q.set('agencyId', filter.agencyId);
  }
  if (filter.charge) {
    q.set('charge', filter.charge);
  }
  return `${path}?${q.toString()}`;
}
