import { PARTNERSHIP_TIME_ZONE, londonParts, londonToUtc } from './london-time';
import { TZDate } from '@date-fns/tz';

/** Reminders go out at this London time on their day. */
export const REMINDER_TIME = '09:00';

/**
 * When to send the reminders for a session starting at `start`: at 9am London time, `days` days
 * before the session's London date (e.g. [7, 1]), soonest last. Times already past (or at or after
 * the start) are left out, so booking late gives only the reminders still useful.
 */
export function reminderSendTimes(start: Date, daysBefore: readonly number[], now: Date): { daysBefore: number; sendAt: Date }[] {
  const { date } = londonParts(start);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return [...new Set(daysBefore)]
    .filter((n) => Number.isInteger(n) && n > 0)
    .sort((a, b) => b - a)
    .map((n) => {
      const day = new TZDate(y, m - 1, d - n, 12, 0, PARTNERSHIP_TIME_ZONE);
      return { daysBefore: n, sendAt: londonToUtc(londonParts(day).date, REMINDER_TIME) };
    })
    .filter((r) => r.sendAt.getTime() > now.getTime() && r.sendAt.getTime() < start.getTime());
}
