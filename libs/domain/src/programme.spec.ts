import { datePlusDays, isMonth, isUnderFilled, monthBounds, monthWeeks, readDateLines, shiftMonth, waitedFor } from './programme';

describe('programme rules', () => {
  it('lays a month out in weeks, Monday first, with blanks outside the month', () => {
    const weeks = monthWeeks('2027-02'); // 1 February 2027 is a Monday, 28 days
    expect(weeks).toHaveLength(4);
    expect(weeks[0]![0]).toBe('2027-02-01');
    expect(weeks[3]![6]).toBe('2027-02-28');
    const march = monthWeeks('2027-03'); // 1 March 2027 is a Monday; 31 days
    expect(march[4]).toEqual(['2027-03-29', '2027-03-30', '2027-03-31', null, null, null, null]);
    const jan = monthWeeks('2027-01'); // 1 January 2027 is a Friday
    expect(jan[0]).toEqual([null, null, null, null, '2027-01-01', '2027-01-02', '2027-01-03']);
  });

  it('reads months and moves between them', () => {
    expect(isMonth('2027-01')).toBe(true);
    expect(isMonth('2027-13')).toBe(false);
    expect(isMonth('January')).toBe(false);
    expect(shiftMonth('2027-01', -1)).toBe('2026-12');
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(monthBounds('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(datePlusDays('2027-03-27', 2)).toBe('2027-03-29');
  });

  it('reads dates one a line, naming each line it cannot read', () => {
    expect(readDateLines('12/01/2027\n\n 3/2/2027 \n31/02/2027\nnext Tuesday')).toEqual([
      { line: '12/01/2027', date: '2027-01-12' },
      { line: '3/2/2027', date: '2027-02-03' },
      { line: '31/02/2027', problem: '"31/02/2027" is not a real date: write it like 12/01/2027' },
      { line: 'next Tuesday', problem: '"next Tuesday" is not a real date: write it like 12/01/2027' },
    ]);
  });

  it('calls a session under-filled below half its places', () => {
    expect(isUnderFilled(20, 9)).toBe(true);
    expect(isUnderFilled(20, 10)).toBe(false);
    expect(isUnderFilled(0, 0)).toBe(false);
  });
});

describe('waitedFor', () => {
  const now = new Date('2027-01-10T12:00:00Z');
  const ago = (ms: number) => new Date(now.getTime() - ms);
  it('says hours for the first two days, then days', () => {
    expect(waitedFor(ago(59 * 60_000), now)).toBe('under an hour');
    expect(waitedFor(ago(3_600_000), now)).toBe('1 hour');
    expect(waitedFor(ago(47 * 3_600_000), now)).toBe('47 hours');
    expect(waitedFor(ago(48 * 3_600_000), now)).toBe('2 days');
  });
});
