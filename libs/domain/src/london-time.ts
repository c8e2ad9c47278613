import { TZDate } from '@date-fns/tz';

/** Every session of the partnership happens in this zone. Instants are stored in UTC. */
export const PARTNERSHIP_TIME_ZONE = 'Europe/London';

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * Which of the two instants a London wall-clock time means when it happens twice: on the last Sunday
 * of October the clocks go back at 02:00 BST, so 01:00 to 01:59 happen first in BST (UTC+1), then
 * again in GMT (UTC+0).
 */
export type ClockChangeOccurrence = 'FIRST' | 'SECOND';

/** The zone name in force at an occurrence of a repeated time: "BST" for the first, "GMT" for the second. */
export const occurrenceZone: Readonly<Record<ClockChangeOccurrence, string>> = { FIRST: 'BST', SECOND: 'GMT' };

const HOUR_MS = 3_600_000;

/**
 * Every instant a wall-clock date and time in London names, earliest first: one on an ordinary day,
 * two in the hour repeated when the clocks go back, none in the hour skipped when they go forward.
 * Throws a RangeError naming the bad part when the input is malformed or not a real date.
 */
export function londonOccurrences(date: string, time: string): Date[] {
  const d = DATE_RE.exec(date);
  if (!d) {
    throw new RangeError(`date "${date}" is not in the form YYYY-MM-DD`);
  }
  const t = TIME_RE.exec(time);
  if (!t) {
    throw new RangeError(`time "${time}" is not in the form HH:MM (24-hour)`);
  }
  const [year, month, day] = [Number(d[1]), Number(d[2]) - 1, Number(d[3])];
  const [hours, minutes] = [Number(t[1]), Number(t[2])];
  const local = new TZDate(year, month, day, hours, minutes, PARTNERSHIP_TIME_ZONE);
  if (local.getFullYear() !== year || local.getMonth() !== month || local.getDate() !== day) {
    throw new RangeError(`date "${date}" is not a real calendar date`);
  }
  // whichever instant TZDate picked, the other occurrence (if any) is an hour either side
  const wanted = `${date} ${time}`;
  const names = (ms: number) => {
    const p = londonParts(new Date(ms));
    return `${p.date} ${p.time}`;
  };
  return [local.getTime() - HOUR_MS, local.getTime(), local.getTime() + HOUR_MS]
    .filter((ms) => names(ms) === wanted)
    .map((ms) => new Date(ms));
}

/** True when a London date and time happen twice (the hour repeated when the clocks go back). */
export function isRepeatedLondonTime(date: string, time: string): boolean {
  try {
    return londonOccurrences(date, time).length === 2;
  } catch {
    return false;
  }
}

/**
 * Converts a wall-clock date and time in London ("2026-03-29", "09:30") to the UTC instant.
 * A time in the hour repeated when the clocks go back means its first occurrence (BST), as RFC 5545
 * reads local times, unless `occurrence` says 'SECOND' (GMT); elsewhere `occurrence` changes nothing.
 * Throws a RangeError naming the bad part when the input is malformed or does not exist
 * (for example 01:30 on the day the clocks go forward).
 */
export function londonToUtc(date: string, time: string, occurrence: ClockChangeOccurrence = 'FIRST'): Date {
  const found = londonOccurrences(date, time);
  if (!found.length) {
    throw new RangeError(`${date} ${time} does not exist in London (the clocks go forward)`);
  }
  return occurrence === 'SECOND' ? found[found.length - 1]! : found[0]!;
}

/**
 * Which occurrence of its London wall-clock time an instant is, when that time happens twice
 * (the hour repeated when the clocks go back); null for every other instant.
 */
export function repeatedOccurrenceOf(instant: Date): ClockChangeOccurrence | null {
  const { date, time } = londonParts(instant);
  const found = londonOccurrences(date, time);
  if (found.length < 2) {
    return null;
  }
  // seconds are not part of the wall-clock time: the first occurrence is less than an hour after found[0]
  return instant.getTime() - found[0]!.getTime() < HOUR_MS ? 'FIRST' : 'SECOND';
}

/** The London wall-clock parts of an instant. */
export function londonParts(instant: Date): { date: string; time: string } {
  const local = new TZDate(instant.getTime(), PARTNERSHIP_TIME_ZONE);
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    date: `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`,
    time: `${pad(local.getHours())}:${pad(local.getMinutes())}`,
  };
}

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: PARTNERSHIP_TIME_ZONE,
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

/** "Tuesday 3 March 2026" */
export function formatLondonDate(instant: Date): string {
  const parts = dateFormat.formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('weekday')} ${get('day')} ${get('month')} ${get('year')}`;
}

const shortDateFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: PARTNERSHIP_TIME_ZONE,
  weekday: 'short',
  day: 'numeric',
  month: 'short',
});

/** "Tue 3 Mar" (for narrow places: a column heading on a printed register). */
export function formatLondonShortDate(instant: Date): string {
  const parts = shortDateFormat.formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('weekday')} ${get('day')} ${get('month')}`;
}

/** "9:30am", "12pm", "12:30pm" (GOV.UK style); "1:30am BST" / "1:30am GMT" in the hour the clocks repeat. */
export function formatLondonTime(instant: Date): string {
  const { time } = londonParts(instant);
  const [h, m] = time.split(':').map(Number) as [number, number];
  const suffix = h < 12 ? 'am' : 'pm';
  const hour12 = h % 12 === 0 ? 12 : h % 12;
  if (h === 0 && m === 0) {
    return 'midnight';
  }
  if (h === 12 && m === 0) {
    return 'midday';
  }
  const zone = repeatedOccurrenceOf(instant);
  const said = m === 0 ? `${hour12}${suffix}` : `${hour12}:${String(m).padStart(2, '0')}${suffix}`;
  // in the hour that happens twice, say which one ("1:30am BST", "1:30am GMT")
  return zone ? `${said} ${occurrenceZone[zone]}` : said;
}

/**
 * "Tuesday 3 March 2026, 9:30am to 12:30pm", or across days
 * "Tuesday 3 March 2026, 9:30am to Wednesday 4 March 2026, 4pm".
 */
export function formatLondonRange(start: Date, end: Date): string {
  const startDay = formatLondonDate(start);
  const endDay = formatLondonDate(end);
  if (startDay === endDay) {
    return `${startDay}, ${formatLondonTime(start)} to ${formatLondonTime(end)}`;
  }
  return `${startDay}, ${formatLondonTime(start)} to ${endDay}, ${formatLondonTime(end)}`;
}

/** "9:30am on Tuesday 3 March 2026" (for deadlines). */
export function formatLondonDateTime(instant: Date): string {
  return `${formatLondonTime(instant)} on ${formatLondonDate(instant)}`;
}
