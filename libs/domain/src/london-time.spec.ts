import {
  formatLondonDate,
  formatLondonDateTime,
  formatLondonRange,
  formatLondonShortDate,
  formatLondonTime,
  isRepeatedLondonTime,
  londonOccurrences,
  londonParts,
  londonToUtc,
  repeatedOccurrenceOf,
} from './london-time';

describe('londonToUtc', () => {
  it('uses GMT in winter', () => {
    expect(londonToUtc('2026-01-15', '09:30').toISOString()).toBe('2026-01-15T09:30:00.000Z');
  });

  it('uses BST in summer', () => {
    expect(londonToUtc('2026-07-01', '09:30').toISOString()).toBe('2026-07-01T08:30:00.000Z');
  });

  it('handles the March clock change (29 March 2026)', () => {
    expect(londonToUtc('2026-03-28', '09:30').toISOString()).toBe('2026-03-28T09:30:00.000Z');
    expect(londonToUtc('2026-03-29', '09:30').toISOString()).toBe('2026-03-29T08:30:00.000Z');
    expect(() => londonToUtc('2026-03-29', '01:30')).toThrow(/does not exist in London/);
  });

  it('handles the October clock change (25 October 2026)', () => {
    expect(londonToUtc('2026-10-24', '09:30').toISOString()).toBe('2026-10-24T08:30:00.000Z');
    expect(londonToUtc('2026-10-25', '09:30').toISOString()).toBe('2026-10-25T09:30:00.000Z');
  });

  it('names the malformed part', () => {
    expect(() => londonToUtc('3/3/2026', '09:30')).toThrow(/date "3\/3\/2026"/);
    expect(() => londonToUtc('2026-03-03', '9.30')).toThrow(/time "9.30"/);
    expect(() => londonToUtc('2026-02-30', '09:30')).toThrow(/not a real calendar date/);
  });

  it('round-trips through londonParts', () => {
    for (const [date, time] of [
      ['2026-03-29', '10:00'],
      ['2026-10-25', '00:30'],
      ['2026-12-31', '23:59'],
    ] as const) {
      expect(londonParts(londonToUtc(date, time))).toEqual({ date, time });
    }
  });
});

describe('formatting', () => {
  it('formats a date the GOV.UK way', () => {
    expect(formatLondonDate(new Date('2026-03-03T09:30:00Z'))).toBe('Tuesday 3 March 2026');
  });

  it('formats times with am/pm, midday and midnight', () => {
    expect(formatLondonTime(new Date('2026-03-03T09:30:00Z'))).toBe('9:30am');
    expect(formatLondonTime(new Date('2026-03-03T12:00:00Z'))).toBe('midday');
    expect(formatLondonTime(new Date('2026-03-03T13:00:00Z'))).toBe('1pm');
    expect(formatLondonTime(new Date('2026-03-03T00:00:00Z'))).toBe('midnight');
    // 08:30 UTC in July is 9:30am in London
    expect(formatLondonTime(new Date('2026-07-01T08:30:00Z'))).toBe('9:30am');
  });

  it('formats a range on one day and across days', () => {
    expect(formatLondonRange(new Date('2026-03-03T09:30:00Z'), new Date('2026-03-03T12:30:00Z'))).toBe(
      'Tuesday 3 March 2026, 9:30am to 12:30pm',
    );
    expect(formatLondonRange(new Date('2026-03-03T09:30:00Z'), new Date('2026-03-04T16:00:00Z'))).toBe(
      'Tuesday 3 March 2026, 9:30am to Wednesday 4 March 2026, 4pm',
    );
  });

  it('formats a short date for narrow places, in London (23:30 UTC in July is the next day there)', () => {
    expect(formatLondonShortDate(new Date('2026-03-03T09:30:00Z'))).toBe('Tue 3 Mar');
    expect(formatLondonShortDate(new Date('2026-07-01T23:30:00Z'))).toBe('Thu 2 Jul');
  });

  it('formats a deadline', () => {
    expect(formatLondonDateTime(new Date('2026-07-01T16:00:00Z'))).toBe('5pm on Wednesday 1 July 2026');
  });

  it('shows local time on the day the clocks go back', () => {
    // 25 October 2026: 09:30 UTC is 9:30am GMT; the day before, 08:30 UTC is 9:30am BST
    expect(formatLondonTime(new Date('2026-10-25T09:30:00Z'))).toBe('9:30am');
    expect(formatLondonTime(new Date('2026-10-24T08:30:00Z'))).toBe('9:30am');
  });
});

describe('the hour repeated when the clocks go back (25 October 2026)', () => {
  it('finds both instants of 01:30, earliest (BST) first', () => {
    expect(londonOccurrences('2026-10-25', '01:30').map((d) => d.toISOString())).toEqual([
      '2026-10-25T00:30:00.000Z',
      '2026-10-25T01:30:00.000Z',
    ]);
    expect(isRepeatedLondonTime('2026-10-25', '01:00')).toBe(true);
    expect(isRepeatedLondonTime('2026-10-25', '01:59')).toBe(true);
    expect(isRepeatedLondonTime('2026-10-25', '00:59')).toBe(false);
    expect(isRepeatedLondonTime('2026-10-25', '02:00')).toBe(false);
    expect(isRepeatedLondonTime('2026-10-24', '01:30')).toBe(false);
    expect(isRepeatedLondonTime('2026-03-29', '01:30')).toBe(false);
    expect(londonOccurrences('2026-03-29', '01:30')).toEqual([]);
    expect(londonOccurrences('2026-07-01', '09:30').map((d) => d.toISOString())).toEqual(['2026-07-01T08:30:00.000Z']);
  });

  it('reads a repeated time as the first (BST), as RFC 5545 does, unless told the second (GMT)', () => {
    expect(londonToUtc('2026-10-25', '01:30').toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(londonToUtc('2026-10-25', '01:30', 'FIRST').toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(londonToUtc('2026-10-25', '01:30', 'SECOND').toISOString()).toBe('2026-10-25T01:30:00.000Z');
    // the choice only matters in the repeated hour
    expect(londonToUtc('2026-10-25', '09:30', 'SECOND').toISOString()).toBe('2026-10-25T09:30:00.000Z');
  });

  it('says which occurrence an instant is, and shows it', () => {
    expect(repeatedOccurrenceOf(new Date('2026-10-25T00:30:00Z'))).toBe('FIRST');
    expect(repeatedOccurrenceOf(new Date('2026-10-25T01:30:00Z'))).toBe('SECOND');
    expect(repeatedOccurrenceOf(new Date('2026-10-25T01:30:30Z'))).toBe('SECOND');
    expect(repeatedOccurrenceOf(new Date('2026-10-25T09:30:00Z'))).toBeNull();
    expect(formatLondonTime(new Date('2026-10-25T00:30:00Z'))).toBe('1:30am BST');
    expect(formatLondonTime(new Date('2026-10-25T01:30:00Z'))).toBe('1:30am GMT');
    expect(formatLondonTime(new Date('2026-10-25T02:00:00Z'))).toBe('2am');
  });
});
