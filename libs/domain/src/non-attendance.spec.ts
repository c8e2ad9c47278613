import { AgencySector } from './enums';
import { londonToUtc } from './london-time';
import {
  CHARGE_AGENCY_TYPES,
  ChargeAgencyType,
  NO_CHARGE,
  chargeAgencyTypeOf,
  chargeFor,
  financialYearToDate,
  formatPounds,
  isChargedOutcome,
  periodProblems,
  poundsForCsv,
  poundsForForm,
  previousMonth,
  ratePenceProblem,
  readPounds,
  sessionDays,
  type ChargeRates,
} from './non-attendance';
import { CourseOutcome } from './register-rules';

const part = (date: string, start: string, end: string) => ({ startsAt: londonToUtc(date, start), endsAt: londonToUtc(date, end) });

describe('the days a session runs on', () => {
  it('counts each London calendar day once: two days for a two-day course, one for two parts on a day', () => {
    expect(sessionDays([part('2026-06-10', '09:30', '16:30'), part('2026-06-11', '09:30', '16:30')])).toEqual(['2026-06-10', '2026-06-11']);
    expect(sessionDays([part('2026-06-10', '09:30', '12:00'), part('2026-06-10', '13:00', '16:30')])).toEqual(['2026-06-10']);
    expect(sessionDays([part('2026-06-10', '09:30', '12:00'), part('2026-06-17', '09:30', '12:00')])).toHaveLength(2);
  });

  it('uses London dates, not UTC ones (an evening session in summer is one day)', () => {
    // 23:30 to 23:45 BST is 22:30 to 22:45 UTC on the same day; 00:15 BST is the previous day in UTC
    expect(sessionDays([part('2026-07-01', '23:00', '23:45')])).toEqual(['2026-07-01']);
    expect(sessionDays([part('2026-07-02', '00:15', '01:00')])).toEqual(['2026-07-02']);
  });

  it('counts both days for a part that runs past midnight, but not the next day for one that ends at midnight', () => {
    expect(sessionDays([{ startsAt: londonToUtc('2026-03-10', '22:00'), endsAt: londonToUtc('2026-03-11', '02:00') }])).toEqual([
      '2026-03-10',
      '2026-03-11',
    ]);
    expect(sessionDays([{ startsAt: londonToUtc('2026-03-10', '20:00'), endsAt: londonToUtc('2026-03-11', '00:00') }])).toEqual([
      '2026-03-10',
    ]);
  });
});

describe('the charge for an outcome', () => {
  const rates: Partial<Record<ChargeAgencyType, ChargeRates>> = {
    [ChargeAgencyType.STATUTORY_PARTNER]: NO_CHARGE,
    [AgencySector.VOLUNTARY_AND_COMMUNITY]: { nonAttendancePence: 4000, lateCancellationPence: 2500 },
    [AgencySector.EDUCATION]: { nonAttendancePence: 6000, lateCancellationPence: 0 },
  };
  const policy = (type: ChargeAgencyType) => rates[type] ?? NO_CHARGE;
  const charity = { statutoryPartner: false, sector: AgencySector.VOLUNTARY_AND_COMMUNITY };

  it('charges a non-attendance per day at the rate for the agency type, and says which rule applied', () => {
    expect(chargeFor({ outcome: CourseOutcome.DID_NOT_ATTEND, agency: charity, rates: policy, days: 2 })).toEqual({
      agencyType: AgencySector.VOLUNTARY_AND_COMMUNITY,
      days: 2,
      perDayPence: 4000,
      amountPence: 8000,
      rule: 'Voluntary and community: £40.00 a day for a non-attendance',
    });
  });

  it('charges a late cancellation at its own rate', () => {
    expect(chargeFor({ outcome: CourseOutcome.LATE_CANCELLATION, agency: charity, rates: policy, days: 1 })).toMatchObject({
      amountPence: 2500,
      rule: 'Voluntary and community: £25.00 a day for a late cancellation',
    });
  });

  it('treats a statutory partner as its own type whatever its sector, here never charged', () => {
    const school = { statutoryPartner: true, sector: AgencySector.EDUCATION };
    expect(chargeAgencyTypeOf(school)).toBe('STATUTORY_PARTNER');
    expect(chargeFor({ outcome: CourseOutcome.DID_NOT_ATTEND, agency: school, rates: policy, days: 1 })).toBeNull();
    expect(
      chargeFor({ outcome: CourseOutcome.DID_NOT_ATTEND, agency: { ...school, statutoryPartner: false }, rates: policy, days: 1 }),
    ).toMatchObject({ amountPence: 6000 });
  });

  it('charges nothing for apologies, partial attendance, attendance, no agency, or a rate of nothing', () => {
    for (const outcome of [CourseOutcome.ABSENT_WITH_APOLOGY, CourseOutcome.PARTLY_ATTENDED, CourseOutcome.ATTENDED]) {
      expect(isChargedOutcome(outcome)).toBe(false);
      expect(chargeFor({ outcome, agency: charity, rates: policy, days: 1 })).toBeNull();
    }
    expect(chargeFor({ outcome: CourseOutcome.DID_NOT_ATTEND, agency: null, rates: policy, days: 1 })).toBeNull();
    const school = { statutoryPartner: false, sector: AgencySector.EDUCATION };
    expect(chargeFor({ outcome: CourseOutcome.LATE_CANCELLATION, agency: school, rates: policy, days: 1 })).toBeNull();
  });

  it('lists every agency type: statutory partners and each sector', () => {
    expect(CHARGE_AGENCY_TYPES[0]).toBe('STATUTORY_PARTNER');
    expect(CHARGE_AGENCY_TYPES).toHaveLength(Object.values(AgencySector).length + 1);
  });
});

describe('money', () => {
  it('shows pence as pounds, with thousands separated', () => {
    expect(formatPounds(0)).toBe('£0.00');
    expect(formatPounds(4050)).toBe('£40.50');
    expect(formatPounds(125_000)).toBe('£1,250.00');
    expect(poundsForCsv(125_005)).toBe('1250.05');
    expect(poundsForForm(4000)).toBe('40');
    expect(poundsForForm(1250)).toBe('12.50');
  });

  it('reads what a coordinator types, naming the box when it cannot', () => {
    expect(readPounds('40', 'the charge')).toEqual({ pence: 4000 });
    expect(readPounds(' £12.5 ', 'the charge')).toEqual({ pence: 1250 });
    expect(readPounds('1,000.00', 'the charge')).toEqual({ pence: 100_000 });
    expect(readPounds('0', 'the charge')).toEqual({ pence: 0 });
    expect(readPounds('', 'the charge')).toEqual({ problem: 'Enter the charge in pounds, or 0 for no charge' });
    expect(readPounds('forty', 'the charge')).toEqual({ problem: 'Enter the charge in pounds and pence, like 40 or 12.50' });
    expect(readPounds('12.345', 'the charge')).toEqual({ problem: 'Enter the charge in pounds and pence, like 40 or 12.50' });
    expect(readPounds('-5', 'the charge')).toEqual({ problem: 'Enter the charge in pounds and pence, like 40 or 12.50' });
    expect(readPounds('1000.01', 'the charge')).toEqual({ problem: 'Enter the charge of £1,000.00 or less' });
  });

  it('refuses rates that are not whole pence from nothing to the maximum', () => {
    expect(ratePenceProblem(0, 'the charge')).toBeNull();
    expect(ratePenceProblem(100_000, 'the charge')).toBeNull();
    expect(ratePenceProblem(-1, 'the charge')).toBe('Enter the charge from £0 to £1,000.00');
    expect(ratePenceProblem(100_001, 'the charge')).not.toBeNull();
    expect(ratePenceProblem(1.5, 'the charge')).not.toBeNull();
  });
});

describe('periods', () => {
  it('starts the financial year on 1 April', () => {
    expect(financialYearToDate('2026-12-01')).toEqual({ from: '2026-04-01', to: '2026-12-01' });
    expect(financialYearToDate('2027-03-31')).toEqual({ from: '2026-04-01', to: '2027-03-31' });
    expect(financialYearToDate('2027-04-01')).toEqual({ from: '2027-04-01', to: '2027-04-01' });
  });

  it('gives the whole of last month, across the turn of the year and in a leap year', () => {
    expect(previousMonth('2026-12-01')).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(previousMonth('2027-01-15')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(previousMonth('2028-03-31')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
  });

  it('names the date at fault: not real, the wrong way round, or too long', () => {
    expect(periodProblems({ from: '2026-04-01', to: '2026-12-01' })).toEqual([]);
    expect(periodProblems({ from: '2026-02-30', to: 'soon' })).toEqual([
      { field: 'from', message: 'The start of the period must be a real date' },
      { field: 'to', message: 'The end of the period must be a real date' },
    ]);
    expect(periodProblems({ from: '2026-05-01', to: '2026-04-30' })).toEqual([
      { field: 'to', message: 'The end of the period must be the same as or after its start' },
    ]);
    expect(periodProblems({ from: '2020-01-01', to: '2026-01-01' })[0]!.field).toBe('to');
  });
});
