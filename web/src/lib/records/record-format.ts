import { formatCalendarDate } from '@lh/domain';

/** A London calendar date as the record prints it: "2026-03-27" is "27 March 2026". */
export const formatDay = formatCalendarDate;

/** When a completion happened: one day, or "3 March 2026 to 10 March 2026" for learning over several days. */
export function describeDays(startedOn: string, completedOn: string): string {
  return startedOn === completedOn ? formatDay(completedOn) : `${formatDay(startedOn)} to ${formatDay(completedOn)}`;
}

/** "1 hour", "1.5 hours". */
export function describeHours(hours: number): string {
  return hours === 1 ? '1 hour' : `${hours} hours`;
}

/** The record's two tabs, as `?tab=` names them (a link each, so they work without JavaScript). */
export type RecordTab = 'training' | 'places';
export const recordTabOf = (search: URLSearchParams): RecordTab => (search.get('tab') === 'places' ? 'places' : 'training');
