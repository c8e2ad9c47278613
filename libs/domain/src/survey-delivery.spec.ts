import { londonParts } from './london-time';
import {
  SURVEY_REMINDER_DAYS,
  impactSurveyDueAt,
  inSurveySendingHours,
  nextSurveyReminderAt,
  nextSurveySendingTime,
  surveyGroupShown,
} from './survey-delivery';
import { SurveyStage } from './surveys';

const london = (d: Date) => {
  const { date, time } = londonParts(d);
  return `${date} ${time}`;
};

describe('survey sending hours (Europe/London, working days, daytime)', () => {
  it('sends on a weekday from 09:00 to before 18:00, in London time across the clock change', () => {
    expect(inSurveySendingHours(new Date('2026-12-02T09:00:00Z'))).toBe(true); // Wednesday 09:00 GMT
    expect(inSurveySendingHours(new Date('2026-12-02T17:59:00Z'))).toBe(true);
    expect(inSurveySendingHours(new Date('2026-12-02T18:00:00Z'))).toBe(false);
    expect(inSurveySendingHours(new Date('2026-12-02T08:59:00Z'))).toBe(false);
    expect(inSurveySendingHours(new Date('2026-06-03T08:30:00Z'))).toBe(true); // 09:30 BST
    expect(inSurveySendingHours(new Date('2026-06-03T17:30:00Z'))).toBe(false); // 18:30 BST
  });

  it('never at weekends or on bank holidays', () => {
    expect(inSurveySendingHours(new Date('2026-12-05T11:00:00Z'))).toBe(false); // Saturday
    expect(inSurveySendingHours(new Date('2026-12-06T11:00:00Z'))).toBe(false); // Sunday
    expect(inSurveySendingHours(new Date('2026-12-25T11:00:00Z'))).toBe(false); // Christmas Day, a Friday
  });

  it('moves a time outside the hours to the next working day at 09:00', () => {
    expect(london(nextSurveySendingTime(new Date('2026-12-02T22:00:00Z')))).toBe('2026-12-03 09:00'); // Wed night
    expect(london(nextSurveySendingTime(new Date('2026-12-03T06:00:00Z')))).toBe('2026-12-03 09:00'); // Thu early
    expect(london(nextSurveySendingTime(new Date('2026-12-05T11:00:00Z')))).toBe('2026-12-07 09:00'); // Sat
    expect(london(nextSurveySendingTime(new Date('2026-12-04T19:00:00Z')))).toBe('2026-12-07 09:00'); // Fri evening
    expect(london(nextSurveySendingTime(new Date('2026-12-24T19:00:00Z')))).toBe('2026-12-29 09:00'); // Christmas, Boxing Day
    const inHours = new Date('2026-12-02T10:15:00Z');
    expect(nextSurveySendingTime(inHours)).toEqual(inHours);
  });
});

describe('impact survey due times', () => {
  it('is 6 and 12 months after the last part, at 09:00 London on a working day', () => {
    const lastPart = new Date('2026-12-02T16:00:00Z'); // Wednesday 2 December 2026
    expect(london(impactSurveyDueAt(lastPart, SurveyStage.SIX_MONTHS))).toBe('2027-06-02 09:00'); // a Wednesday, BST
    expect(london(impactSurveyDueAt(lastPart, SurveyStage.TWELVE_MONTHS))).toBe('2027-12-02 09:00');
  });

  it('uses the London date (a part ending after midnight BST), a month-end, and skips to a working day', () => {
    expect(london(impactSurveyDueAt(new Date('2026-08-30T23:30:00Z'), SurveyStage.SIX_MONTHS))).toBe('2027-03-01 09:00'); // 31 Aug -> 28 Feb (Sunday) -> Monday
    expect(london(impactSurveyDueAt(new Date('2026-11-07T12:00:00Z'), SurveyStage.SIX_MONTHS))).toBe('2027-05-07 09:00');
    expect(london(impactSurveyDueAt(new Date('2026-12-05T12:00:00Z'), SurveyStage.SIX_MONTHS))).toBe('2027-06-07 09:00'); // Sat 5 June -> Mon
  });
});

describe('survey reminders', () => {
  const invited = new Date('2026-12-02T15:00:00Z'); // Wednesday 15:00
  const expires = new Date(invited.getTime() + 21 * 86_400_000);

  it('at most three, at 3, 7 and 14 days, each moved off weekends and nights', () => {
    expect(SURVEY_REMINDER_DAYS).toEqual([3, 7, 14]);
    expect(london(nextSurveyReminderAt(invited, 0, expires)!)).toBe('2026-12-07 09:00'); // Sat 5th -> Mon
    expect(london(nextSurveyReminderAt(invited, 1, expires)!)).toBe('2026-12-09 15:00');
    expect(london(nextSurveyReminderAt(invited, 2, expires)!)).toBe('2026-12-16 15:00');
    expect(nextSurveyReminderAt(invited, 3, expires)).toBeNull();
    const lateInvite = new Date('2026-12-02T21:30:00Z'); // signed off at night: reminders go the next morning
    expect(london(nextSurveyReminderAt(lateInvite, 1, expires)!)).toBe('2026-12-10 09:00');
  });

  it('none at or after the expiry', () => {
    expect(nextSurveyReminderAt(invited, 2, new Date(invited.getTime() + 14 * 86_400_000))).toBeNull();
  });
});

describe('survey result groups (anonymity)', () => {
  it('shows anonymous answers only in groups of 5 or more; named ones always', () => {
    expect(surveyGroupShown(4, 4)).toBe(false);
    expect(surveyGroupShown(4, 1)).toBe(false);
    expect(surveyGroupShown(5, 5)).toBe(true);
    expect(surveyGroupShown(2, 0)).toBe(true);
    expect(surveyGroupShown(0, 0)).toBe(false);
  });
});
