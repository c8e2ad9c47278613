/**
 * Non-attendance: what a place that was not used costs the agency it was booked under. Pure rules,
 * used by the api (charges when outcomes are decided, the coordinators' list and its CSV) and the web
 * app (the policy form, money on pages).
 */
import { AgencySector, agencySectorLabels } from './enums';
import { londonParts } from './london-time';
import { CourseOutcome, courseOutcomeLabels, type TimedSpan } from './register-rules';
import { isCalendarDate } from './session-schedule';

/**
 * The kind of agency a policy rate is set for: statutory partners (whatever their sector) as one
 * type, every other agency by its sector.
 */
export const ChargeAgencyType = { STATUTORY_PARTNER: 'STATUTORY_PARTNER', ...AgencySector } as const;
export type ChargeAgencyType = (typeof ChargeAgencyType)[keyof typeof ChargeAgencyType];

/** Every agency type, statutory partners first, then the sectors in their usual order. */
export const CHARGE_AGENCY_TYPES: readonly ChargeAgencyType[] = Object.values(ChargeAgencyType);

export const chargeAgencyTypeLabels: Record<ChargeAgencyType, string> = {
  STATUTORY_PARTNER: 'Statutory partners',
  ...agencySectorLabels,
};

/** The agency type of an agency: statutory partners are one type, the rest go by sector. */
export function chargeAgencyTypeOf(agency: { statutoryPartner: boolean; sector: AgencySector }): ChargeAgencyType {
  return agency.statutoryPartner ? ChargeAgencyType.STATUTORY_PARTNER : agency.sector;
}

/** Where a charge stands. */
export enum ChargeStatus {
  /** To be invoiced to the agency. */
  CHARGED = 'CHARGED',
  /** A coordinator let it go, giving a reason. */
  WAIVED = 'WAIVED',
  /** The outcome it was for was corrected (for example the person was there after all): kept, not invoiced. */
  VOID = 'VOID',
}

export const chargeStatusLabels: Record<`${ChargeStatus}`, string> = {
  [ChargeStatus.CHARGED]: 'Charged',
  [ChargeStatus.WAIVED]: 'Waived',
  [ChargeStatus.VOID]: 'Void',
};

/** The daily rates one agency type pays, in pence. */
export interface ChargeRates {
  nonAttendancePence: number;
  lateCancellationPence: number;
}

export const NO_CHARGE: ChargeRates = { nonAttendancePence: 0, lateCancellationPence: 0 };

/**
 * The outcomes that can cost the agency: not attending without a word, and cancelling after the
 * cut-off. Absence with an apology and partial attendance are never charged: the person told the
 * trainer or came, and the place was not simply wasted.
 */
export const CHARGED_OUTCOMES: readonly CourseOutcome[] = [CourseOutcome.DID_NOT_ATTEND, CourseOutcome.LATE_CANCELLATION];

export function isChargedOutcome(outcome: CourseOutcome): boolean {
  return CHARGED_OUTCOMES.includes(outcome);
}

const nextDate = (date: string) => {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

/**
 * The London calendar days a session runs on ("per day" in the policy): each day any part touches,
 * once. A two-day course is two days; two parts on one day are one; a part that ends at midnight
 * does not run on the next day.
 */
export function sessionDays(parts: readonly TimedSpan[]): string[] {
  const days = new Set<string>();
  for (const part of parts) {
    const last = londonParts(new Date(Math.max(part.startsAt.getTime(), part.endsAt.getTime() - 1))).date;
    for (let day = londonParts(part.startsAt).date; day <= last; day = nextDate(day)) {
      days.add(day);
    }
  }
  return [...days].sort();
}

/** What an outcome costs under the policy at that moment, as it is kept with the charge. */
export interface ChargeDecision {
  agencyType: ChargeAgencyType;
  days: number;
  perDayPence: number;
  amountPence: number;
  /** The rule that applied, in words, kept with the charge (the policy may change later). */
  rule: string;
}

/**
 * The charge for one outcome, or null when nothing is charged: an outcome that is never charged, a
 * place booked under no agency (nobody to invoice), or a rate of nothing for the agency's type.
 */
export function chargeFor(input: {
  outcome: CourseOutcome;
  agency: { statutoryPartner: boolean; sector: AgencySector } | null;
  rates: (type: ChargeAgencyType) => ChargeRates;
  days: number;
}): ChargeDecision | null {
  if (!isChargedOutcome(input.outcome) || !input.agency || input.days < 1) {
    return null;
  }
  const agencyType = chargeAgencyTypeOf(input.agency);
  const rates = input.rates(agencyType);
  const late = input.outcome === CourseOutcome.LATE_CANCELLATION;
  const perDayPence = late ? rates.lateCancellationPence : rates.nonAttendancePence;
  if (perDayPence <= 0) {
    return null;
  }
  const what = late ? 'a late cancellation' : 'a non-attendance';
  return {
    agencyType,
    days: input.days,
    perDayPence,
    amountPence: perDayPence * input.days,
    rule: `${chargeAgencyTypeLabels[agencyType]}: ${formatPounds(perDayPence)} a day for ${what}`,
  };
}

/** "£1,250.00": amounts in pence shown as pounds. */
export function formatPounds(pence: number): string {
  const sign = pence < 0 ? '-' : '';
  const abs = Math.abs(Math.round(pence));
  const pounds = Math.floor(abs / 100).toLocaleString('en-GB');
  return `${sign}£${pounds}.${String(abs % 100).padStart(2, '0')}`;
}

/** "1250.00": pounds for a spreadsheet (no £ sign, no thousands separator). */
export function poundsForCsv(pence: number): string {
  const abs = Math.abs(Math.round(pence));
  return `${pence < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** "40" or "12.50" for a form box: pounds as a coordinator types them. */
export function poundsForForm(pence: number): string {
  return pence % 100 === 0 ? String(pence / 100) : poundsForCsv(pence);
}

/** The most a policy charges a day: £1,000. */
export const MAX_DAILY_CHARGE_PENCE = 100_000;

/**
 * Reads an amount a coordinator typed ("40", "£12.50", "1,000"), in pence; or the problem, in the
 * words of the form (`what` names the box, like "the charge for a non-attendance").
 */
export function readPounds(text: string, what: string): { pence: number } | { problem: string } {
  const cleaned = text
    .trim()
    .replace(/^£/, '')
    .replace(/,(?=\d{3}(\D|$))/g, '');
  if (cleaned === '') {
    return { problem: `Enter ${what} in pounds, or 0 for no charge` };
  }
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) {
    return { problem: `Enter ${what} in pounds and pence, like 40 or 12.50` };
  }
  const [pounds = '0', pence = ''] = cleaned.split('.');
  const value = Number(pounds) * 100 + Number(pence.padEnd(2, '0'));
  if (value > MAX_DAILY_CHARGE_PENCE) {
    return { problem: `Enter ${what} of ${formatPounds(MAX_DAILY_CHARGE_PENCE)} or less` };
  }
  return { pence: value };
}

/** Why a rate in pence cannot be saved (null when it can): a whole number of pence from 0 to the maximum. */
export function ratePenceProblem(pence: number, what: string): string | null {
  return Number.isInteger(pence) && pence >= 0 && pence <= MAX_DAILY_CHARGE_PENCE
    ? null
    : `Enter ${what} from £0 to ${formatPounds(MAX_DAILY_CHARGE_PENCE)}`;
}

/** The outcomes the non-attendance list shows, with their labels. */
export const nonAttendanceOutcomeLabels = {
  [CourseOutcome.DID_NOT_ATTEND]: courseOutcomeLabels.DID_NOT_ATTEND,
  [CourseOutcome.LATE_CANCELLATION]: courseOutcomeLabels.LATE_CANCELLATION,
} as const;

// ---------------------------------------------------------------------------------------------------
// Periods: the list is for a span of London dates.

export interface DatePeriod {
  /** First London date, "YYYY-MM-DD". */
  from: string;
  /** Last London date, included. */
  to: string;
}

/** The UK financial year runs from 1 April: the one `today` falls in, from its start to `today`. */
export function financialYearToDate(today: string): DatePeriod {
  const year = Number(today.slice(0, 4));
  const start = today.slice(5) >= '04-01' ? year : year - 1;
  return { from: `${start}-04-01`, to: today };
}

/** The whole calendar month before the one `today` falls in. */
export function previousMonth(today: string): DatePeriod {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const [y, m] = month === 1 ? [year - 1, 12] : [year, month - 1];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const mm = String(m).padStart(2, '0');
  return { from: `${y}-${mm}-01`, to: `${y}-${mm}-${String(last).padStart(2, '0')}` };
}

/** The most a list covers at once: a little over two financial years. */
export const MAX_PERIOD_DAYS = 800;

/** The problems with a period, by the field at fault (`from`, `to`): real dates, in order, not too long. */
export function periodProblems(period: DatePeriod): { field: 'from' | 'to'; message: string }[] {
  const problems: { field: 'from' | 'to'; message: string }[] = [];
  if (!isCalendarDate(period.from)) {
    problems.push({ field: 'from', message: 'The start of the period must be a real date' });
  }
  if (!isCalendarDate(period.to)) {
    problems.push({ field: 'to', message: 'The end of the period must be a real date' });
  }
  if (problems.length) {
    return problems;
  }
  if (period.to < period.from) {
    return [{ field: 'to', message: 'The end of the period must be the same as or after its start' }];
  }
  const days = (Date.parse(period.to) - Date.parse(period.from)) / 86_400_000;
  if (days > MAX_PERIOD_DAYS) {
    return [{ field: 'to', message: `Choose a period of at most ${MAX_PERIOD_DAYS} days` }];
  }
  return [];
}
