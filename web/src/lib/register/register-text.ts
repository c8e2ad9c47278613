// The register page's words and filters: what a mark says, how it was made, where the window stands, who a
// search finds. Pure functions, used by the server render and the browser alike.
import {
  attendanceMarkLabels,
  markProblem,
  formatLondonDate,
  formatLondonDateTime,
  formatLondonTime,
  markSourceLabels,
  type AttendanceMark,
  type MarkSource,
  type RegisterCounts,
} from '@lh/domain';

/** A person's value on the register: the mark, its minutes and its note. */
export interface MarkValue {
  mark: `${AttendanceMark}` | null;
  minutes: number | null;
  note: string | null;
}

/** "Present", "Late: 10 minutes", "Left early: 1 minute", "Not marked". */
export function markWords(v: Pick<MarkValue, 'mark' | 'minutes'>): string {
  if (!v.mark) {
    return 'Not marked';
  }
  const label = attendanceMarkLabels[v.mark];
  return v.minutes ? `${label}: ${v.minutes} minute${v.minutes === 1 ? '' : 's'}` : label;
}

/** What the live region says after a mark: "Jane Smith marked present", "Jane Smith marked late, 10 minutes". */
export function markedSentence(name: string, v: Pick<MarkValue, 'mark' | 'minutes'>): string {
  if (!v.mark) {
    return `${name}'s mark taken back`;
  }
  const label = attendanceMarkLabels[v.mark].toLowerCase();
  return `${name} marked ${label}${v.minutes ? `, ${v.minutes} minute${v.minutes === 1 ? '' : 's'}` : ''}`;
}

/** The GOV.UK tag colour of a mark. */
export function markColour(mark: `${AttendanceMark}` | null): string {
  switch (mark) {
    case 'PRESENT':
      return 'govuk-tag--green';
    case 'LATE':
    case 'LEFT_EARLY':
      return 'govuk-tag--yellow';
    case 'ABSENT_WITH_APOLOGY':
      return 'govuk-tag--blue';
    case 'DID_NOT_ATTEND':
      return 'govuk-tag--red';
    case null:
      return 'govuk-tag--grey';
  }
}

/** A time on the part's day as "9:20am", on another day as "9:20am on Wednesday 4 March 2026". */
export function timeNear(instant: Date, partStart: Date): string {
  return formatLondonDate(instant) === formatLondonDate(partStart) ? formatLondonTime(instant) : formatLondonDateTime(instant);
}

/** How the current mark was made: "Checked in with the code at 9:05am", "Marked on the register by Tom Hale at 9:20am". */
export function howMarked(
  e: { mark: `${AttendanceMark}` | null; source: `${MarkSource}` | null; markedByName: string | null; markedAt: string | null },
  partStart: Date,
): string | null {
  if (!e.source || !e.markedAt) {
    return null;
  }
  const at = timeNear(new Date(e.markedAt), partStart);
  if (!e.mark) {
    return `Mark taken back${e.markedByName ? ` by ${e.markedByName}` : ''} at ${at}`;
  }
  if (e.source === 'CORRECTION' && e.markedByName) {
    return `Corrected by ${e.markedByName} at ${at}`;
  }
  // people check themselves in, and signing off marks people by rule: naming the person would add nothing
  const by = e.markedByName && (e.source === 'TRAINER' || e.source === 'IMPORT') ? ` by ${e.markedByName}` : '';
  return `${markSourceLabels[e.source]}${by} at ${at}`;
}

/** The window in words: "Opens at 9:15am", "Open for marking until ...", "Closed for marking at ...". */
export function windowWords(r: {
  windowState: 'NOT_OPEN' | 'OPEN' | 'CLOSED';
  opensAt: string;
  closesAt: string;
  startsAt: string;
}): string {
  switch (r.windowState) {
    case 'NOT_OPEN':
      return `Opens at ${timeNear(new Date(r.opensAt), new Date(r.startsAt))}`;
    case 'OPEN':
      return `Open for marking until ${formatLondonDateTime(new Date(r.closesAt))}`;
    case 'CLOSED':
      return `Closed for marking at ${formatLondonDateTime(new Date(r.closesAt))}`;
  }
}

/** The counts as the page lists them, in the register's order. */
export function countLines(c: RegisterCounts): { key: keyof RegisterCounts; label: string; n: number }[] {
  return [
    { key: 'PRESENT', label: 'present', n: c.PRESENT },
    { key: 'LATE', label: 'late', n: c.LATE },
    { key: 'LEFT_EARLY', label: 'left early', n: c.LEFT_EARLY },
    { key: 'ABSENT_WITH_APOLOGY', label: c.ABSENT_WITH_APOLOGY === 1 ? 'apology' : 'apologies', n: c.ABSENT_WITH_APOLOGY },
    { key: 'DID_NOT_ATTEND', label: 'did not attend', n: c.DID_NOT_ATTEND },
    { key: 'NOT_MARKED', label: 'not marked', n: c.NOT_MARKED },
  ];
}

/** The GraphQL counts (present, late, ...) as the domain's RegisterCounts. */
export function fromApiCounts(c: {
  present: number;
  late: number;
  leftEarly: number;
  absentWithApology: number;
  didNotAttend: number;
  notMarked: number;
}): RegisterCounts {
  return {
    PRESENT: c.present,
    LATE: c.late,
    LEFT_EARLY: c.leftEarly,
    ABSENT_WITH_APOLOGY: c.absentWithApology,
    DID_NOT_ATTEND: c.didNotAttend,
    NOT_MARKED: c.notMarked,
  };
}

/** Letters only, lower case, accents dropped: "Zoë O'Brien" and "zoe obrien" are the same to a search. */
export function searchKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whether a name matches what was typed: every word typed starts a word of the name ("jo sm" finds "Jo Smith"). */
export function nameMatches(nameKey: string, query: string): boolean {
  const words = searchKey(query).split(' ').filter(Boolean);
  if (!words.length) {
    return true;
  }
  const parts = nameKey.split(' ');
  return words.every((w) => parts.some((p) => p.startsWith(w)));
}

/** "1 person", "12 people". */
export const people = (n: number): string => `${n} ${n === 1 ? 'person' : 'people'}`;

/** "?q=smith&show=unmarked" ("?" alone when nothing is set): the register's address with its search kept. */
export function registerQuery(values: Record<string, string | null>): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) {
    if (value) {
      query.set(name, value);
    }
  }
  const text = query.toString();
  return text ? `?${text}` : '?';
}

/**
 * What is wrong with a mark before it is sent, in the words the API would use (so a mark made offline is
 * refused at once): the minutes for the part, and a correction's reason. Each problem names the person's field.
 */
export function markRequestProblems(
  bookingId: string,
  request: Pick<MarkValue, 'mark' | 'minutes'> & { reason: string | null; unreadableMinutes?: boolean },
  part: { startsAt: string; endsAt: string },
  needsReason: boolean,
): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  if (request.unreadableMinutes) {
    problems.push({ field: `minutes-${bookingId}`, message: 'Enter the minutes as a whole number, like 10' });
  } else {
    const problem = markProblem(request.mark as AttendanceMark | null, request.minutes, {
      startsAt: new Date(part.startsAt),
      endsAt: new Date(part.endsAt),
    });
    if (problem) {
      problems.push({ field: `minutes-${bookingId}`, message: problem });
    }
  }
  if (needsReason && !request.reason) {
    problems.push({ field: `reason-${bookingId}`, message: 'Enter the reason for the correction' });
  }
  return problems;
}
