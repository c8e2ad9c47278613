import { MAX_SESSION_PARTS } from '@lh/domain';

/**
 * The session form has a fixed number of part rows (no JavaScript needed); empty rows are ignored.
 * At most MAX_SESSION_PARTS rows: the most parts a session may have.
 */
export const MIN_PART_ROWS = 4;

export interface DateParts {
  day: string;
  month: string;
  year: string;
}
export interface PartRow extends DateParts {
  startTime: string;
  endTime: string;
}
export type SessionFormValues = {
  parts: PartRow[];
  venueId: string;
  room: string;
  onlineUrl: string;
  joiningInstructions: string;
  capacity: string;
  bookingOpensOn: DateParts;
  bookingClosesOn: DateParts;
  autoOfferWaitlist: string;
};

const emptyDate: DateParts = { day: '', month: '', year: '' };
export const emptyPart: PartRow = { ...emptyDate, startTime: '', endTime: '' };

/** Element ids: the API's field paths ("parts.1.startTime"); a date's first box is "<path>-day". */
export const partId = (i: number, field: 'date' | 'startTime' | 'endTime') => `parts.${i}.${field}`;

/** Form rows for stored parts, plus empty rows to add more. */
export function partRows(parts: { date: string; startTime: string; endTime: string }[]): PartRow[] {
  const rows = parts.map((p) => ({ ...datePartsOf(p.date), startTime: p.startTime, endTime: p.endTime }));
  const count = Math.min(MAX_SESSION_PARTS, Math.max(MIN_PART_ROWS, rows.length + 1));
  while (rows.length < count) {
    rows.push({ ...emptyPart });
  }
  return rows;
}

export function datePartsOf(date: string | null): DateParts {
  if (!date) {
    return { ...emptyDate };
  }
  const [year = '', month = '', day = ''] = date.split('-');
  return { day: String(Number(day)), month: String(Number(month)), year };
}
