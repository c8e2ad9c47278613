import { CourseFormat } from './enums';
import type { FieldProblem } from './errors';
import { describeDuration } from './places';
import {
  formatLondonDate,
  formatLondonRange,
  londonOccurrences,
  londonParts,
  londonToUtc,
  repeatedOccurrenceOf,
  type ClockChangeOccurrence,
} from './london-time';

/** One part of a session as a coordinator types it: a London date and wall-clock times. */
export interface LondonPartInput {
  /** "2026-03-29" */
  date: string;
  /** "09:30" (24-hour) */
  startTime: string;
  /** "12:30" (24-hour), on the same day */
  endTime: string;
  /**
   * Which one is meant when the start time happens twice (01:00 to 01:59 on the day the clocks go
   * back): 'FIRST' (BST) or 'SECOND' (GMT). Needed only then; ignored on any other day or time.
   */
  startOccurrence?: ClockChangeOccurrence | null;
  /** The same for the end time. */
  endOccurrence?: ClockChangeOccurrence | null;
}

export interface TimedPart {
  startsAt: Date;
  endsAt: Date;
}

export const MAX_SESSION_PARTS = 10;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** True for a real calendar date written "YYYY-MM-DD". */
export function isCalendarDate(date: string): boolean {
  const m = DATE_RE.exec(date);
  if (!m) {
    return false;
  }
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** A date a search, filter or report may use: a real date between 1900 and 2999 (beyond those, time arithmetic overflows). */
export function isSearchableDate(date: string): boolean {
  return isCalendarDate(date) && date >= '1900-01-01' && date <= '2999-12-31';
}

/** How far from today a session or its booking window may be set, in years (either side). */
export const MAX_YEARS_FROM_TODAY = 10;

/** True for a "YYYY-MM-DD" date no more than MAX_YEARS_FROM_TODAY years before or after `now`. */
export function isWithinYearsOf(date: string, now: Date, years = MAX_YEARS_FROM_TODAY): boolean {
  const year = Number(date.slice(0, 4));
  const thisYear = now.getUTCFullYear();
  return Number.isInteger(year) && year >= thisYear - years && year <= thisYear + years;
}

function nextDay(date: string): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * Turns the parts of a session, given as London dates and times, into UTC instants, checking every
 * rule: at least one part (and at most MAX_SESSION_PARTS), real dates, HH:MM times that exist in
 * London (not in the hour skipped when the clocks go forward), each part ending after it starts, and
 * the parts in date order without overlapping. Problems name the field (`parts.1.startTime`) and the
 * part ("Part 2: ...") so people can find them; parts are only returned when there are none.
 */
export function londonSchedule(
  parts: readonly LondonPartInput[],
  path = 'parts',
  now?: Date,
): { parts: TimedPart[]; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  if (parts.length === 0) {
    return { parts: [], problems: [{ field: path, message: 'Add at least one part: a date, a start time and an end time' }] };
  }
  if (parts.length > MAX_SESSION_PARTS) {
    return { parts: [], problems: [{ field: path, message: `A session can have at most ${MAX_SESSION_PARTS} parts` }] };
  }
  const timed: (TimedPart | null)[] = parts.map((p, i) => {
    const n = i + 1;
    const at = (field: keyof LondonPartInput) => `${path}.${i}.${field}`;
    const before = problems.length;
    if (!isCalendarDate(p.date)) {
      problems.push({ field: at('date'), message: `Part ${n}: enter a real date` });
    } else if (now && !isWithinYearsOf(p.date, now)) {
      problems.push({ field: at('date'), message: `Part ${n}: enter a date within ${MAX_YEARS_FROM_TODAY} years of today` });
    }
    if (!TIME_RE.test(p.startTime)) {
      problems.push({ field: at('startTime'), message: `Part ${n}: enter the start time as 24-hour HH:MM, like 09:30` });
    }
    if (!TIME_RE.test(p.endTime)) {
      problems.push({ field: at('endTime'), message: `Part ${n}: enter the end time as 24-hour HH:MM, like 16:00` });
    }
    if (problems.length > before) {
      return null;
    }
    const convert = (time: string, field: 'startTime' | 'endTime'): Date | null => {
      const found = londonOccurrences(p.date, time);
      if (!found.length) {
        // the date and time are well formed, so the only way left to fail is a time the clocks skip
        const day = formatLondonDate(londonToUtc(p.date, '12:00'));
        problems.push({
          field: at(field),
          message: `Part ${n}: ${time} does not exist on ${day} because the clocks go forward; choose a time outside the missing hour`,
        });
        return null;
      }
      if (found.length === 1) {
        return found[0]!;
      }
      // the hour repeated when the clocks go back: stored, shown and sent as the one the coordinator chose
      const choice = field === 'startTime' ? p.startOccurrence : p.endOccurrence;
      if (choice === 'FIRST' || choice === 'SECOND') {
        return choice === 'FIRST' ? found[0]! : found[1]!;
      }
      const day = formatLondonDate(found[0]!).replace(/^\S+ /, '');
      problems.push({
        field: at(field === 'startTime' ? 'startOccurrence' : 'endOccurrence'),
        message: `Part ${n}: ${time} on ${day} happens twice when the clocks go back: choose the first (BST) or second (GMT)`,
      });
      return null;
    };
    const startsAt = convert(p.startTime, 'startTime');
    const endsAt = convert(p.endTime, 'endTime');
    if (!startsAt || !endsAt) {
      return null;
    }
    if (endsAt.getTime() <= startsAt.getTime()) {
      problems.push({ field: at('endTime'), message: `Part ${n}: the end time must be after the start time` });
      return null;
    }
    return { startsAt, endsAt };
  });
  for (let i = 1; i < timed.length; i++) {
    const prev = timed[i - 1];
    const cur = timed[i];
    if (prev && cur && cur.startsAt.getTime() < prev.endsAt.getTime()) {
      problems.push({
        field: `${path}.${i}.date`,
        message: `Part ${i + 1} must start after part ${i} ends: put the parts in date order, without overlapping`,
      });
    }
  }
  if (problems.length) {
    return { parts: [], problems };
  }
  return { parts: timed as TimedPart[], problems };
}

/**
 * The London form of a stored part, for editing: date, start and end times, and which occurrence
 * each time is when it happens twice (null otherwise), so saving it again keeps the same instants.
 */
export function londonPartOf(part: TimedPart): LondonPartInput & {
  startOccurrence: ClockChangeOccurrence | null;
  endOccurrence: ClockChangeOccurrence | null;
} {
  const start = londonParts(part.startsAt);
  return {
    date: start.date,
    startTime: start.time,
    endTime: londonParts(part.endsAt).time,
    startOccurrence: repeatedOccurrenceOf(part.startsAt),
    endOccurrence: repeatedOccurrenceOf(part.endsAt),
  };
}

/** Why a course of this format can have no sessions, or null when it can. */
export function noSessionsProblem(format: `${CourseFormat}`, field = 'courseId'): FieldProblem | null {
  return format === CourseFormat.E_LEARNING
    ? { field, message: "E-learning is done online at the learner's own pace: it has no sessions" }
    : null;
}

/** The minutes a session's parts add up to. */
export function scheduledMinutes(parts: readonly TimedPart[]): number {
  return parts.reduce((sum, p) => sum + Math.round((p.endsAt.getTime() - p.startsAt.getTime()) / 60_000), 0);
}

/** Parts adding up to more than this many times the course's usual length are worth a second look. */
export const LONGER_THAN_COURSE_FACTOR = 1.5;

/**
 * A session whose parts add up to far more than the course's usual length (course.durationMinutes)
 * is probably a typing slip (16:30 for 12:30, an extra day): refused with this problem on `field`
 * unless the coordinator confirms it is meant (`confirmed`). Null when there is nothing to confirm.
 */
export function longerThanCourseProblem(
  parts: readonly TimedPart[],
  courseMinutes: number,
  confirmed: boolean,
  field = 'confirmLongerThanCourse',
): FieldProblem | null {
  const total = scheduledMinutes(parts);
  if (confirmed || courseMinutes <= 0 || total <= courseMinutes * LONGER_THAN_COURSE_FACTOR) {
    return null;
  }
  return {
    field,
    message:
      `The parts add up to ${describeDuration(total)}, far longer than the course's usual ${describeDuration(courseMinutes)}: ` +
      'check the dates and times, or confirm the session is meant to be longer',
  };
}

/**
 * A booking window given as London dates: booking opens at the start of `opensOn` and closes at the
 * end of `closesOn` (either may be left out). It must open before the session starts, close on or
 * after the day it opens, and close no later than the session's first day.
 */
export function bookingWindow(
  input: { opensOn: string | null; closesOn: string | null; sessionStartsAt: Date | null; now?: Date },
  fields = { opensOn: 'bookingOpensOn', closesOn: 'bookingClosesOn' },
): { opensAt: Date | null; closesAt: Date | null; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const { opensOn, closesOn, sessionStartsAt } = input;
  if (opensOn !== null && !isCalendarDate(opensOn)) {
    problems.push({ field: fields.opensOn, message: 'The date booking opens must be a real date' });
  }
  if (closesOn !== null && !isCalendarDate(closesOn)) {
    problems.push({ field: fields.closesOn, message: 'The date booking closes must be a real date' });
  }
  const { now } = input;
  if (now && opensOn !== null && isCalendarDate(opensOn) && !isWithinYearsOf(opensOn, now)) {
    problems.push({ field: fields.opensOn, message: `The date booking opens must be within ${MAX_YEARS_FROM_TODAY} years of today` });
  }
  if (now && closesOn !== null && isCalendarDate(closesOn) && !isWithinYearsOf(closesOn, now)) {
    problems.push({ field: fields.closesOn, message: `The date booking closes must be within ${MAX_YEARS_FROM_TODAY} years of today` });
  }
  if (problems.length) {
    return { opensAt: null, closesAt: null, problems };
  }
  const opensAt = opensOn === null ? null : londonToUtc(opensOn, '00:00');
  const closesAt = closesOn === null ? null : londonToUtc(nextDay(closesOn), '00:00');
  if (opensOn !== null && closesOn !== null && closesOn < opensOn) {
    problems.push({ field: fields.closesOn, message: 'Booking must close on or after the day it opens' });
  }
  if (sessionStartsAt && opensAt && opensAt.getTime() >= sessionStartsAt.getTime()) {
    problems.push({ field: fields.opensOn, message: 'Booking must open before the session starts' });
  }
  if (sessionStartsAt && closesOn !== null && closesOn > londonParts(sessionStartsAt).date) {
    problems.push({ field: fields.closesOn, message: 'Booking must close on or before the first day of the session' });
  }
  return problems.length ? { opensAt: null, closesAt: null, problems } : { opensAt, closesAt, problems };
}

/** The London dates a stored booking window was set with (the inverse of bookingWindow). */
export function bookingWindowDates(opensAt: Date | null, closesAt: Date | null): { opensOn: string | null; closesOn: string | null } {
  return {
    opensOn: opensAt ? londonParts(opensAt).date : null,
    closesOn: closesAt ? londonParts(new Date(closesAt.getTime() - 1)).date : null,
  };
}

/** Where and when a session happens, as far as the people booked on it care. */
export interface SessionPlan {
  parts: readonly TimedPart[];
  venue: { id: string; name: string } | null;
  room: string | null;
  onlineUrl: string | null;
}

const samePart = (a: TimedPart, b: TimedPart) => a.startsAt.getTime() === b.startsAt.getTime() && a.endsAt.getTime() === b.endsAt.getTime();

/**
 * What changed for the people booked, as sentences for their mail: "New date: Tuesday 3 March 2026,
 * 9:30am to 12:30pm", "Part 2, new date: ...", "New venue: Civic Centre, Room 2", "Now online: ...".
 * Empty when nothing they need to know about changed.
 */
export function describeSessionChanges(before: SessionPlan, after: SessionPlan): string[] {
  const changes: string[] = [];
  const range = (p: TimedPart) => formatLondonRange(p.startsAt, p.endsAt);
  if (before.parts.length === 1 && after.parts.length === 1) {
    if (!samePart(before.parts[0]!, after.parts[0]!)) {
      changes.push(`New date: ${range(after.parts[0]!)}`);
    }
  } else {
    after.parts.forEach((p, i) => {
      const old = before.parts[i];
      if (!old) {
        changes.push(`New part ${i + 1}: ${range(p)}`);
      } else if (!samePart(old, p)) {
        changes.push(`Part ${i + 1}, new date: ${range(p)}`);
      }
    });
    before.parts.slice(after.parts.length).forEach((p, j) => {
      changes.push(`Part ${after.parts.length + j + 1} (${range(p)}) no longer takes place`);
    });
  }
  const place = (p: SessionPlan) => (p.venue ? [p.venue.name, p.room].filter(Boolean).join(', ') : '');
  if (after.venue) {
    if (!before.venue || before.venue.id !== after.venue.id || (before.room ?? null) !== (after.room ?? null)) {
      changes.push(`New venue: ${place(after)}`);
    }
  } else if (after.onlineUrl) {
    if (before.venue) {
      changes.push(`Now online instead of at ${place(before)}`);
    } else if (before.onlineUrl !== after.onlineUrl) {
      changes.push('The joining link has changed');
    }
  }
  return changes;
}

/**
 * Whether making `prerequisiteId` the prerequisite of `courseId` would make a loop (a course that,
 * through its prerequisites, needs itself). Returns the chain from the prerequisite back to the
 * course when it would, else null. `prerequisiteOf` maps each course to its current prerequisite.
 */
export function prerequisiteLoop(
  courseId: string,
  prerequisiteId: string,
  prerequisiteOf: ReadonlyMap<string, string | null>,
): string[] | null {
  const chain: string[] = [];
  const seen = new Set<string>();
  let current: string | null = prerequisiteId;
  while (current !== null && !seen.has(current)) {
    chain.push(current);
    if (current === courseId) {
      return chain;
    }
    seen.add(current);
    current = prerequisiteOf.get(current) ?? null;
  }
  return null;
}
