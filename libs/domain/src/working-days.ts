import { ENGLISH_BANK_HOLIDAYS } from './bank-holidays';
import { londonParts, londonToUtc } from './london-time';

const holidays = new Set(ENGLISH_BANK_HOLIDAYS);

/** Day of the week of a London calendar date "YYYY-MM-DD" (0 = Sunday). */
function weekday(date: string): number {
  return new Date(`${date}T12:00:00Z`).getUTCDay();
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A working day: Monday to Friday and not an English bank holiday. */
export function isWorkingDay(date: string, bankHolidays: ReadonlySet<string> = holidays): boolean {
  const w = weekday(date);
  return w !== 0 && w !== 6 && !bankHolidays.has(date);
}

/** The London date `n` working days before `date` (weekends and bank holidays skipped). */
export function workingDaysBefore(date: string, n: number, bankHolidays: ReadonlySet<string> = holidays): string {
  let d = date;
  let left = n;
  while (left > 0) {
    d = addDays(d, -1);
    if (isWorkingDay(d, bankHolidays)) {
      left--;
    }
  }
  return d;
}

/**
 * The last moment a booking can be cancelled without it counting as a late cancellation:
 * the end of the day (London) `cutoffWorkingDays` working days before the session's first day.
 * With 5 working days, for a session on Monday 14 December 2026 that is 23:59 on Monday 7 December.
 */
export function cancellationDeadline(sessionStart: Date, cutoffWorkingDays: number): Date {
  const sessionDay = londonParts(sessionStart).date;
  const lastDay = workingDaysBefore(sessionDay, cutoffWorkingDays);
  return new Date(londonToUtc(addDays(lastDay, 1), '00:00').getTime() - 1);
}

export function isLateCancellation(now: Date, sessionStart: Date, cutoffWorkingDays: number): boolean {
  return now.getTime() > cancellationDeadline(sessionStart, cutoffWorkingDays).getTime();
}
