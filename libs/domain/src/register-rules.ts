/**
 * Registers: the marks a trainer gives each person on each part of a session, when a register may be
 * marked, and the course outcome that follows. Pure rules: the api and the web app both use them.
 */

/** What happened to one person on one part of a session. */
export enum AttendanceMark {
  PRESENT = 'PRESENT',
  /** Arrived late: `minutes` says how late. */
  LATE = 'LATE',
  /** Left before the end: `minutes` says how early. */
  LEFT_EARLY = 'LEFT_EARLY',
  ABSENT_WITH_APOLOGY = 'ABSENT_WITH_APOLOGY',
  DID_NOT_ATTEND = 'DID_NOT_ATTEND',
}

export const attendanceMarkLabels: Record<`${AttendanceMark}`, string> = {
  [AttendanceMark.PRESENT]: 'Present',
  [AttendanceMark.LATE]: 'Late',
  [AttendanceMark.LEFT_EARLY]: 'Left early',
  [AttendanceMark.ABSENT_WITH_APOLOGY]: 'Absent with apology',
  [AttendanceMark.DID_NOT_ATTEND]: 'Did not attend',
};

/** A mark in words: "Late (10 minutes)", "Left early (30 minutes)", "Present", or "Not marked". */
export function describeMark(mark: `${AttendanceMark}` | null | undefined, minutes?: number | null): string {
  if (!mark) {
    return 'Not marked';
  }
  const label = attendanceMarkLabels[mark];
  return minutes && (mark === 'LATE' || mark === 'LEFT_EARLY') ? `${label} (${minutes} minutes)` : label;
}

/** How a mark was made: every mark is kept as an event saying so. */
export enum MarkSource {
  TRAINER = 'TRAINER',
  SELF_CHECK_IN = 'SELF_CHECK_IN',
  IMPORT = 'IMPORT',
  /** Signing off marks everyone still unmarked as not attending. */
  SIGN_OFF = 'SIGN_OFF',
  /** A coordinator's change after sign-off, with a reason. */
  CORRECTION = 'CORRECTION',
}

export const markSourceLabels: Record<`${MarkSource}`, string> = {
  [MarkSource.TRAINER]: 'Marked on the register',
  [MarkSource.SELF_CHECK_IN]: 'Checked in with the code',
  [MarkSource.IMPORT]: 'From an uploaded register',
  [MarkSource.SIGN_OFF]: 'Not marked when the register was signed off',
  [MarkSource.CORRECTION]: 'Corrected by a coordinator',
};

/** What a confirmed place on a session came to, from its parts' marks and the course's rule. */
export enum CourseOutcome {
  ATTENDED = 'ATTENDED',
  PARTLY_ATTENDED = 'PARTLY_ATTENDED',
  ABSENT_WITH_APOLOGY = 'ABSENT_WITH_APOLOGY',
  DID_NOT_ATTEND = 'DID_NOT_ATTEND',
  /** Cancelled after the course's cut-off. */
  LATE_CANCELLATION = 'LATE_CANCELLATION',
}

export const courseOutcomeLabels: Record<`${CourseOutcome}`, string> = {
  [CourseOutcome.ATTENDED]: 'Attended',
  [CourseOutcome.PARTLY_ATTENDED]: 'Partly attended',
  [CourseOutcome.ABSENT_WITH_APOLOGY]: 'Absent with apology',
  [CourseOutcome.DID_NOT_ATTEND]: 'Did not attend',
  [CourseOutcome.LATE_CANCELLATION]: 'Cancelled late',
};

/** How a course decides that someone attended it. */
export enum AttendanceRule {
  /** Present (late or leaving early included) at every part. */
  ALL_PARTS = 'ALL_PARTS',
  /** Present for at least `attendanceMinimumPercent` of the scheduled time, minutes late or left early taken off. */
  SHARE_OF_TIME = 'SHARE_OF_TIME',
}

export const attendanceRuleLabels: Record<`${AttendanceRule}`, string> = {
  [AttendanceRule.ALL_PARTS]: 'Attend every part',
  [AttendanceRule.SHARE_OF_TIME]: 'Attend at least a share of the time',
};

/** A register opens this long before its part starts, so people can be marked as they arrive. */
export const REGISTER_OPENS_MINUTES_BEFORE = 15;

const MINUTE = 60_000;

export interface TimedSpan {
  startsAt: Date;
  endsAt: Date;
}

export interface RegisterWindow {
  opensAt: Date;
  closesAt: Date;
}

/** When a part's register can be marked: from 15 minutes before it starts until `closesAfterMinutes` after it ends. */
export function registerWindow(part: TimedSpan, closesAfterMinutes: number): RegisterWindow {
  return {
    opensAt: new Date(part.startsAt.getTime() - REGISTER_OPENS_MINUTES_BEFORE * MINUTE),
    closesAt: new Date(part.endsAt.getTime() + closesAfterMinutes * MINUTE),
  };
}

export type RegisterWindowState = 'NOT_OPEN' | 'OPEN' | 'CLOSED';

export function registerWindowState(window: RegisterWindow, now: Date): RegisterWindowState {
  if (now < window.opensAt) {
    return 'NOT_OPEN';
  }
  return now > window.closesAt ? 'CLOSED' : 'OPEN';
}

/** The minutes a part lasts. */
export function partMinutes(part: TimedSpan): number {
  return Math.round((part.endsAt.getTime() - part.startsAt.getTime()) / MINUTE);
}

/** Marks that count as being there for (some of) the part. */
export function isPresentMark(mark: AttendanceMark | null | undefined): boolean {
  return mark === AttendanceMark.PRESENT || mark === AttendanceMark.LATE || mark === AttendanceMark.LEFT_EARLY;
}

const needsMinutes = (mark: AttendanceMark) => mark === AttendanceMark.LATE || mark === AttendanceMark.LEFT_EARLY;

/** Why a mark cannot be given (null when it can): minutes only with late or left early, and within the part. */
export function markProblem(mark: AttendanceMark | null, minutes: number | null | undefined, part: TimedSpan): string | null {
  const length = partMinutes(part);
  if (mark && needsMinutes(mark)) {
    const what = mark === AttendanceMark.LATE ? 'how many minutes late they arrived' : 'how many minutes early they left';
    if (minutes == null) {
      return `Enter ${what}`;
    }
    if (!Number.isInteger(minutes) || minutes < 1 || minutes >= length) {
      return `Enter ${what} as a whole number from 1 to ${length - 1}`;
    }
    return null;
  }
  return minutes == null ? null : 'Minutes are only for people who arrived late or left early';
}

/** The counts of a register in each state (unmarked included), as recorded when it is signed off. */
export type RegisterCounts = Record<`${AttendanceMark}` | 'NOT_MARKED', number>;

export function registerCounts(marks: readonly (AttendanceMark | null)[]): RegisterCounts {
  const counts: RegisterCounts = {
    PRESENT: 0,
    LATE: 0,
    LEFT_EARLY: 0,
    ABSENT_WITH_APOLOGY: 0,
    DID_NOT_ATTEND: 0,
    NOT_MARKED: 0,
  };
  for (const mark of marks) {
    counts[mark ?? 'NOT_MARKED'] += 1;
  }
  return counts;
}

export interface CourseRule {
  attendanceRule: AttendanceRule;
  /** For SHARE_OF_TIME: the least share of the scheduled time, 1 to 100. */
  attendanceMinimumPercent: number;
}

export interface PartMark {
  part: TimedSpan;
  mark: AttendanceMark | null;
  minutes?: number | null;
}

/** Minutes of the part the person was there for. */
export function minutesAttended({ part, mark, minutes }: PartMark): number {
  if (!isPresentMark(mark)) {
    return 0;
  }
  return Math.max(0, partMinutes(part) - (mark === AttendanceMark.PRESENT ? 0 : (minutes ?? 0)));
}

export interface OutcomeResult {
  outcome: CourseOutcome;
  minutesAttended: number;
  minutesScheduled: number;
}

/**
 * The course outcome of a confirmed place from the marks of every part (a part not marked counts as not
 * attended): attended when the course's rule is met, partly attended when the person was there for some of
 * it, absent with apology when they were at none of it and gave an apology for some part, else did not attend.
 */
export function courseOutcome(marks: readonly PartMark[], rule: CourseRule): OutcomeResult {
  const minutesScheduled = marks.reduce((sum, m) => sum + partMinutes(m.part), 0);
  const attended = marks.reduce((sum, m) => sum + minutesAttended(m), 0);
  const result = (outcome: CourseOutcome): OutcomeResult => ({ outcome, minutesAttended: attended, minutesScheduled });
  const ruleMet =
    rule.attendanceRule === AttendanceRule.ALL_PARTS
      ? marks.length > 0 && marks.every((m) => isPresentMark(m.mark))
      : minutesScheduled > 0 && attended * 100 >= rule.attendanceMinimumPercent * minutesScheduled;
  if (ruleMet) {
    return result(CourseOutcome.ATTENDED);
  }
  if (attended > 0) {
    return result(CourseOutcome.PARTLY_ATTENDED);
  }
  return result(
    marks.some((m) => m.mark === AttendanceMark.ABSENT_WITH_APOLOGY) ? CourseOutcome.ABSENT_WITH_APOLOGY : CourseOutcome.DID_NOT_ATTEND,
  );
}

/** Why a course's attendance rule cannot be saved (null when it can). */
export function attendanceRuleProblem(rule: CourseRule): string | null {
  if (rule.attendanceRule === AttendanceRule.ALL_PARTS) {
    return null;
  }
  const p = rule.attendanceMinimumPercent;
  return Number.isInteger(p) && p >= 1 && p <= 100 ? null : 'Enter the share of the time to attend as a whole number from 1 to 100';
}
