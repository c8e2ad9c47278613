import { addMonths } from './mandatory-training';
import { isCalendarDate } from './session-schedule';

/** The programme list's page size. */
export const PROGRAMME_PAGE_SIZE = 25;

/**
 * What puts a coming session on the training team's queue as under-filled: fewer than `shareBooked` of its
 * places held (confirmed, offered or awaiting approval) when it starts within `withinDays` days. One setting,
 * read by the queue (api/src/scheduling/training-team-queue.service.ts) and shown on the queue page.
 */
export const UNDER_FILLED = { shareBooked: 0.5, withinDays: 14 } as const;

/** Offers to a waiting-list place that end within this many hours are on the queue as "about to expire". */
export const OFFER_EXPIRING_WITHIN_HOURS = 24;

/** True when a session with these numbers is under-filled by UNDER_FILLED (a session of no places never is). */
export function isUnderFilled(capacity: number, held: number): boolean {
  return capacity > 0 && held < capacity * UNDER_FILLED.shareBooked;
}

/** "YYYY-MM" of a London date "YYYY-MM-DD". */
export const monthOf = (date: string): string => date.slice(0, 7);

/** True for a real month "YYYY-MM" between 1900 and 2999. */
export const isMonth = (month: string): boolean =>
  /^\d{4}-\d{2}$/.test(month) && isCalendarDate(`${month}-01`) && month >= '1900-01' && month <= '2999-12';

/** The month `n` months before or after "YYYY-MM". */
export function shiftMonth(month: string, n: number): string {
  return addMonths(`${month}-01`, n).slice(0, 7);
}

/** The first and last London dates of a month "YYYY-MM". */
export function monthBounds(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/**
 * The weeks of a month as a calendar shows them, Monday first: each week seven London dates
 * ("YYYY-MM-DD"), null for the days before the 1st and after the last of the month.
 */
export function monthWeeks(month: string): (string | null)[][] {
  const { to } = monthBounds(month);
  const days = Number(to.slice(8));
  const [y, m] = month.split('-').map(Number) as [number, number];
  const firstWeekday = (new Date(Date.UTC(y, m - 1, 1)).getUTCDay() + 6) % 7; // Monday 0
  const cells: (string | null)[] = Array.from({ length: firstWeekday }, () => null);
  for (let d = 1; d <= days; d++) {
    cells.push(`${month}-${String(d).padStart(2, '0')}`);
  }
  while (cells.length % 7) {
    cells.push(null);
  }
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) {
    weeks.push(cells.slice(i, i + 7));
  }
  return weeks;
}

/** London date `date` plus `n` calendar days. */
export function datePlusDays(date: string, n: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** One line of a list of dates, as read: the date (YYYY-MM-DD) or the problem, in the words of the form. */
export type DateLine = { line: string; date: string } | { line: string; problem: string };

/**
 * Reads a list of dates typed one a line as day/month/year ("12/01/2027", "12/1/2027"; also "-" or "."
 * between), ignoring blank lines. Each line gives a real date or a problem naming the line.
 */
export function readDateLines(text: string): DateLine[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .map((line) => {
      const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(line);
      const date = m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : '';
      return m && isCalendarDate(date) ? { line, date } : { line, problem: `"${line}" is not a real date: write it like 12/01/2027` };
    });
}

/** How long something has waited, as the queue says it: "under an hour", "5 hours", "3 days". */
export function waitedFor(since: Date, now: Date): string {
  const hours = Math.floor((now.getTime() - since.getTime()) / 3_600_000);
  if (hours < 1) {
    return 'under an hour';
  }
  if (hours < 48) {
    return hours === 1 ? '1 hour' : `${hours} hours`;
  }
  return `${Math.floor(hours / 24)} days`;
}
