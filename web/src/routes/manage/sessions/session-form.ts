import { CourseFormat, MAX_SESSION_PARTS, isRepeatedLondonTime } from '@lh/domain';

/**
 * The session form starts with one part block; "Add another part" (a submit button with its own form
 * action, so no JavaScript is needed) sends the form back with one more, the values kept, and "Remove this
 * part" with one fewer. Empty blocks are ignored. At most MAX_SESSION_PARTS: the most parts a session may have.
 */
export const MIN_PART_ROWS = 1;

export interface DateParts {
  day: string;
  month: string;
  year: string;
}
export interface PartRow extends DateParts {
  startTime: string;
  endTime: string;
  /** 'FIRST' (BST) or 'SECOND' (GMT) when the start time happens twice (the clocks go back); else ''. */
  startOccurrence?: string;
  /** The same for the end time. */
  endOccurrence?: string;
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
  /** 'yes' when the coordinator confirmed the parts are meant to be far longer than the course. */
  confirmLongerThanCourse?: string;
  /** Adding only: the people from the training pool ticked to train it. */
  trainerIds?: string[];
  /** 'online' when the form asks for the online link only (a new session of an online course). */
  place?: string;
};

const emptyDate: DateParts = { day: '', month: '', year: '' };
export const emptyPart: PartRow = { ...emptyDate, startTime: '', endTime: '' };

/** Element ids: the API's field paths ("parts.1.startTime"); a date's first box is "<path>-day". */
export const partId = (i: number, field: 'date' | 'startTime' | 'endTime' | 'startOccurrence' | 'endOccurrence') => `parts.${i}.${field}`;

/** Form rows for stored parts (with which 01:xx each time is on the day the clocks go back); "Add another part" adds more. */
export function partRows(
  parts: { date: string; startTime: string; endTime: string; startOccurrence?: string | null; endOccurrence?: string | null }[],
): PartRow[] {
  const rows: PartRow[] = parts.map((p) => ({
    ...datePartsOf(p.date),
    startTime: p.startTime,
    endTime: p.endTime,
    startOccurrence: p.startOccurrence ?? '',
    endOccurrence: p.endOccurrence ?? '',
  }));
  while (rows.length < MIN_PART_ROWS) {
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

/** "YYYY-MM-DD" from the three boxes, or null when they are not numbers (the API checks the date is real). */
export function isoDate(d: DateParts): string | null {
  if (!/^\d{1,2}$/.test(d.day) || !/^\d{1,2}$/.test(d.month) || !/^\d{4}$/.test(d.year)) {
    return null;
  }
  return `${d.year}-${d.month.padStart(2, '0')}-${d.day.padStart(2, '0')}`;
}

/** Accepts "9:30", "09.30" and "0930" for 09:30; anything else goes to the API as typed, which names it. */
export function normalTime(t: string): string {
  const m = /^(\d{1,2})[:.]?(\d{2})$/.exec(t.replace(/\s+/g, ''));
  return m ? `${m[1]!.padStart(2, '0')}:${m[2]}` : t;
}

/**
 * Whether a row's start or end time happens twice (01:00 to 01:59 on the day the clocks go back), so
 * the form asks which one is meant. Server-rendered: after a submit the question is there without JavaScript.
 */
export function asksOccurrence(row: PartRow, field: 'startTime' | 'endTime'): boolean {
  const date = isoDate(row);
  return !!date && isRepeatedLondonTime(date, normalTime(row[field]));
}

/**
 * Where a new session of a course of this format happens: online for virtual courses (the form asks for the
 * link only), else a venue (with "Online session" still offered).
 */
export function defaultsToOnline(format: `${CourseFormat}`): boolean {
  return format === CourseFormat.VIRTUAL;
}

/** Adding one more part block, or removing block `remove`: the rows as posted, values kept. */
export function resizedRows(rows: PartRow[], change: { add: true } | { remove: number }): PartRow[] {
  if ('add' in change) {
    return rows.length < MAX_SESSION_PARTS ? [...rows, { ...emptyPart }] : rows;
  }
  const kept = rows.filter((_, i) => i !== change.remove);
  return kept.length ? kept : [{ ...emptyPart }];
}
