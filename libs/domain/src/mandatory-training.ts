import type { FieldProblem } from './errors';
import { londonParts } from './london-time';

/**
 * Mandatory training: what a requirement asks, and where a person stands against it. Everything here works
 * on London calendar dates ('YYYY-MM-DD'), never on instants: a completion on 29 February counts from that
 * London day, and "today" is the London date of the clock's instant.
 */

/** Where a person stands against one requirement. */
export enum MandatoryStatus {
  /** Completed, and still valid outside the refresher window. */
  CURRENT = 'CURRENT',
  /** Valid, but inside the refresher window before it expires. */
  DUE_SOON = 'DUE_SOON',
  /** Never completed and past the new starter's deadline. */
  OVERDUE = 'OVERDUE',
  /** The latest completion's validity has ended. */
  EXPIRED = 'EXPIRED',
  /** Never completed, a new starter still inside their window. */
  NOT_YET_DUE = 'NOT_YET_DUE',
}

export const mandatoryStatusLabels: Record<`${MandatoryStatus}`, string> = {
  [MandatoryStatus.CURRENT]: 'Current',
  [MandatoryStatus.DUE_SOON]: 'Due soon',
  [MandatoryStatus.OVERDUE]: 'Overdue',
  [MandatoryStatus.EXPIRED]: 'Expired',
  [MandatoryStatus.NOT_YET_DUE]: 'Not yet due',
};

/** The order statuses are shown and counted in. */
export const MANDATORY_STATUSES: readonly MandatoryStatus[] = [
  MandatoryStatus.CURRENT,
  MandatoryStatus.DUE_SOON,
  MandatoryStatus.NOT_YET_DUE,
  MandatoryStatus.OVERDUE,
  MandatoryStatus.EXPIRED,
];

/** Statuses that need the person to book something (and get reminders). */
export function needsAction(status: MandatoryStatus): boolean {
  return status === MandatoryStatus.DUE_SOON || status === MandatoryStatus.OVERDUE || status === MandatoryStatus.EXPIRED;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(date: string): [number, number, number] {
  const m = DATE_RE.exec(date);
  if (!m) {
    throw new RangeError(`date "${date}" is not in the form YYYY-MM-DD`);
  }
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate(); // month 1-12

/**
 * A calendar date plus (or minus) whole months, clamped to the end of the month when the day does not
 * exist there: 31 January + 1 month = 28 (or 29) February; 29 February 2024 + 36 months = 28 February 2027.
 */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(d, daysInMonth(year, month)))}`;
}

/** The day before a calendar date. */
export function dayBefore(date: string): string {
  const [y, m, d] = parts(date);
  const t = new Date(Date.UTC(y, m - 1, d - 1));
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** Today's date in London at this instant (an instant just after midnight BST is already the next London day). */
export function londonToday(now: Date): string {
  return londonParts(now).date;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const [a, b] = [parts(from), parts(to)];
  return Math.round((Date.UTC(b[0], b[1] - 1, b[2]) - Date.UTC(a[0], a[1] - 1, a[2])) / 86_400_000);
}

/** What a requirement asks, as the rules need it. */
export interface RequirementRule {
  /** Months a completion stays valid. */
  validityMonths: number;
  /** Months a new starter has, from joining, to complete it the first time. */
  newStarterMonths: number;
  /** Months before expiry the refresher falls due. */
  refresherMonths: number;
}

/**
 * The last day a completion on `completedOn` is valid: `completedOn` + validity months, clamped to the
 * month's end. It is valid up to and including this day, and expired from the next.
 */
export function validUntil(completedOn: string, validityMonths: number): string {
  return addMonths(completedOn, validityMonths);
}

/** The first day of the refresher window: `refresherMonths` before the last valid day (clamped the same way). */
export function refresherFrom(validUntilDate: string, refresherMonths: number): string {
  return addMonths(validUntilDate, -refresherMonths);
}

/** The last day a new starter who joined on `joinedOn` may complete it: joined + new starter months (inclusive). */
export function newStarterDueBy(joinedOn: string, newStarterMonths: number): string {
  return addMonths(joinedOn, newStarterMonths);
}

export interface RequirementStanding {
  status: MandatoryStatus;
  /** The completion the status rests on (the latest that counts), if any. */
  lastCompletedOn: string | null;
  /** The last day that completion is valid. */
  validUntil: string | null;
  /** The first day of its refresher window. */
  refresherFrom: string | null;
  /** Never completed: the last day to complete it as a new starter. */
  dueBy: string | null;
}

/**
 * Where a person stands against a requirement on London date `today`, from the completions that satisfy it
 * (live ones only: the caller leaves revoked completions out). The latest completion on or before today
 * decides; earlier ones are kept in the record and never change the answer. Boundaries (all inclusive):
 * valid through `validUntil`, due soon from `refresherFrom`, expired the day after `validUntil`; a new
 * starter has until `dueBy` and is overdue the day after.
 */
export function standingOf(
  rule: RequirementRule,
  input: { joinedOn: string; completedOn: readonly string[]; today: string },
): RequirementStanding {
  const latest =
    input.completedOn
      .filter((d) => d <= input.today)
      .sort()
      .at(-1) ?? null;
  if (!latest) {
    const dueBy = newStarterDueBy(input.joinedOn, rule.newStarterMonths);
    return {
      status: input.today > dueBy ? MandatoryStatus.OVERDUE : MandatoryStatus.NOT_YET_DUE,
      lastCompletedOn: null,
      validUntil: null,
      refresherFrom: null,
      dueBy,
    };
  }
  const until = validUntil(latest, rule.validityMonths);
  const from = refresherFrom(until, rule.refresherMonths);
  const status = input.today > until ? MandatoryStatus.EXPIRED : input.today >= from ? MandatoryStatus.DUE_SOON : MandatoryStatus.CURRENT;
  return { status, lastCompletedOn: latest, validUntil: until, refresherFrom: from, dueBy: null };
}

/** Who a requirement applies to: anyone matching any of these (matched in PostgreSQL, MandatoryTrainingRepository). */
export interface RequirementAudience {
  roles: readonly string[];
  agencyIds: readonly string[];
  sectors: readonly string[];
}

/**
 * What counts as completing a requirement (matched in PostgreSQL, MandatoryTrainingRepository): a live
 * completion of any of the catalogue courses from any source (a session or e-learning), or learning done
 * elsewhere (EXTERNAL) of at least `externalMinLevel` (null: learning elsewhere does not count).
 */
export interface RequirementCourses {
  courseIds: readonly string[];
  externalMinLevel: number | null;
}

export const MAX_VALIDITY_MONTHS = 240;

export interface RequirementDraft extends RequirementRule, RequirementAudience, RequirementCourses {
  name: string;
}

/**
 * Every problem with a requirement as entered, each naming its field as the form labels it; none when it can
 * be saved. Field keys are the input's.
 */
export function requirementProblems(draft: RequirementDraft): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const whole = (n: number) => Number.isInteger(n);
  if (!draft.name.trim()) {
    problems.push({ field: 'name', message: 'Enter a name for the requirement' });
  } else if (draft.name.trim().length > 200) {
    problems.push({ field: 'name', message: 'The name must be 200 characters or fewer' });
  }
  if (!draft.roles.length && !draft.agencyIds.length && !draft.sectors.length) {
    problems.push({ field: 'roles', message: 'Choose who it applies to: at least one role, agency or agency sector' });
  }
  if (!draft.courseIds.length && draft.externalMinLevel === null) {
    problems.push({ field: 'courseIds', message: 'Choose at least one course that satisfies it' });
  }
  if (draft.externalMinLevel !== null && (!whole(draft.externalMinLevel) || draft.externalMinLevel < 1 || draft.externalMinLevel > 4)) {
    problems.push({ field: 'externalMinLevel', message: 'The lowest level of learning elsewhere must be a level from 1 to 4' });
  }
  const validityOk = whole(draft.validityMonths) && draft.validityMonths > 0 && draft.validityMonths <= MAX_VALIDITY_MONTHS;
  if (!validityOk) {
    problems.push({
      field: 'validityMonths',
      message: `How long a completion stays valid must be a whole number of months from 1 to ${MAX_VALIDITY_MONTHS}`,
    });
  }
  if (!whole(draft.newStarterMonths) || draft.newStarterMonths < 0 || draft.newStarterMonths > MAX_VALIDITY_MONTHS) {
    problems.push({
      field: 'newStarterMonths',
      message: `When new starters must complete it must be a whole number of months from 0 to ${MAX_VALIDITY_MONTHS}`,
    });
  }
  if (!whole(draft.refresherMonths) || draft.refresherMonths < 0) {
    problems.push({ field: 'refresherMonths', message: 'When the refresher becomes due must be a whole number of months, 0 or more' });
  } else if (validityOk && draft.refresherMonths > draft.validityMonths) {
    problems.push({
      field: 'refresherMonths',
      message: `When the refresher becomes due (${draft.refresherMonths} months before expiry) cannot be longer than how long a completion stays valid (${draft.validityMonths} months)`,
    });
  }
  return problems;
}

/** Reminders for one person and requirement go at most this often. */
export const REMINDER_INTERVAL_DAYS = 7;

/** Whether a reminder may go today, given the London date the last one went (null: never). */
export function reminderDue(status: MandatoryStatus, lastSentOn: string | null, today: string): boolean {
  return needsAction(status) && (lastSentOn === null || daysBetween(lastSentOn, today) >= REMINDER_INTERVAL_DAYS);
}
