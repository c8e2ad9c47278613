import { ENGLISH_BANK_HOLIDAYS } from './bank-holidays';
import { londonParts } from './london-time';

/**
 * Working-day cut-offs are only right while the list covers the dates they are computed for. A session
 * can be booked up to a year ahead, so the list must cover the whole of next year, all the time.
 * When this fails, refresh the list as described at the top of bank-holidays.ts.
 */
describe('English bank holidays', () => {
  const thisYear = Number(londonParts(new Date()).date.slice(0, 4));
  const inYear = (year: number) => ENGLISH_BANK_HOLIDAYS.filter((d) => d.startsWith(`${year}-`));

  it('are real, distinct London dates in order, none on a weekend (substitute days are listed instead)', () => {
    for (const d of ENGLISH_BANK_HOLIDAYS) {
      expect(d).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const parsed = new Date(`${d}T12:00:00Z`);
      expect(parsed.toISOString().slice(0, 10)).toBe(d);
      expect([d, parsed.getUTCDay()]).not.toEqual([d, 0]);
      expect([d, parsed.getUTCDay()]).not.toEqual([d, 6]);
    }
    expect([...ENGLISH_BANK_HOLIDAYS].sort()).toEqual(ENGLISH_BANK_HOLIDAYS);
    expect(new Set(ENGLISH_BANK_HOLIDAYS).size).toBe(ENGLISH_BANK_HOLIDAYS.length);
  });

  it(`cover every year from this year (${thisYear}) up to and including next year, with all 8 England and Wales holidays`, () => {
    for (let year = thisYear; year <= thisYear + 1; year++) {
      const dates = inYear(year);
      // 8 every year; a one-off (a coronation, a jubilee) makes 9 or 10
      expect([year, dates.length >= 8]).toEqual([year, true]);
      // New Year's Day (or its substitute) opens the year, Christmas and Boxing Day (or substitutes) close it
      expect([year, dates[0]! <= `${year}-01-04`]).toEqual([year, true]);
      expect([year, dates.filter((d) => d >= `${year}-12-25`).length]).toEqual([year, 2]);
      // Good Friday and Easter Monday: three days apart, between 20 March and 26 April
      const easter = dates.filter((d, i) => {
        const next = dates[i + 1];
        return next && d >= `${year}-03-20` && next <= `${year}-04-26` && Date.parse(next) - Date.parse(d) === 3 * 86_400_000;
      });
      expect([year, easter.length]).toEqual([year, 1]);
    }
  });
});
