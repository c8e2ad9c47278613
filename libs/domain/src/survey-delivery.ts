import { londonParts, londonToUtc } from './london-time';
import { SurveyStage } from './surveys';
import { isWorkingDay } from './working-days';

// When surveys go out: the 6- and 12-month invitations after the session's last part, the reminders after an
// invitation, and the hours in which either may be sent (working days, daytime, Europe/London).

/** Reminders after an invitation, in days after it was sent: at most three, then the survey closes at its expiry. */
export const SURVEY_REMINDER_DAYS: readonly number[] = [3, 7, 14];

/** The impact surveys: months after the session's last part. */
export const SURVEY_IMPACT_MONTHS: Readonly<Record<SurveyStage.SIX_MONTHS | SurveyStage.TWELVE_MONTHS, number>> = {
  [SurveyStage.SIX_MONTHS]: 6,
  [SurveyStage.TWELVE_MONTHS]: 12,
};

/** Survey mail is sent from 09:00 up to (not at) 18:00 London time, on working days (no weekends, no bank holidays). */
export const SURVEY_SENDING_HOURS = { from: '09:00', until: '18:00' } as const;

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whether survey mail may go out at this instant. */
export function inSurveySendingHours(instant: Date): boolean {
  const { date, time } = londonParts(instant);
  return isWorkingDay(date) && time >= SURVEY_SENDING_HOURS.from && time < SURVEY_SENDING_HOURS.until;
}

/** The instant itself when mail may go out then, otherwise 09:00 London on the next working day (today's, before 09:00). */
export function nextSurveySendingTime(instant: Date): Date {
  if (inSurveySendingHours(instant)) {
    return instant;
  }
  const { date, time } = londonParts(instant);
  let day = isWorkingDay(date) && time < SURVEY_SENDING_HOURS.from ? date : addDays(date, 1);
  while (!isWorkingDay(day)) {
    day = addDays(day, 1);
  }
  return londonToUtc(day, SURVEY_SENDING_HOURS.from);
}

/**
 * When an impact survey is due: `months` calendar months after the London date of the session's last part
 * (the last day of a shorter month when that day does not exist), at 09:00, moved to the next working day.
 */
export function impactSurveyDueAt(lastPartEndsAt: Date, stage: SurveyStage.SIX_MONTHS | SurveyStage.TWELVE_MONTHS): Date {
  const [y, m, d] = londonParts(lastPartEndsAt).date.split('-').map(Number) as [number, number, number];
  const monthIndex = m - 1 + SURVEY_IMPACT_MONTHS[stage];
  const year = y + Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const date = `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
  return nextSurveySendingTime(londonToUtc(date, SURVEY_SENDING_HOURS.from));
}

/**
 * When the next reminder of an invitation sent at `invitedAt` is due, after `sent` reminders: the set interval,
 * moved into sending hours; null when all have been sent or the next would come at or after the expiry.
 */
export function nextSurveyReminderAt(invitedAt: Date, sent: number, expiresAt: Date): Date | null {
  const days = SURVEY_REMINDER_DAYS[sent];
  if (days === undefined) {
    return null;
  }
  const due = nextSurveySendingTime(new Date(invitedAt.getTime() + days * 86_400_000));
  return due.getTime() < expiresAt.getTime() ? due : null;
}

/** Results never show a group of fewer anonymous responses than this (averages, counts by group, free text). */
export const SURVEY_MIN_GROUP = 5;

/** Whether a group of responses may be shown: any group of named answers, an anonymous one only from SURVEY_MIN_GROUP. */
export function surveyGroupShown(responses: number, anonymous: number): boolean {
  return responses > 0 && (anonymous === 0 || responses >= SURVEY_MIN_GROUP);
}
