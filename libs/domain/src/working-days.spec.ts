import { cancellationDeadline, isLateCancellation, isWorkingDay, workingDaysBefore } from './working-days';
import { londonToUtc } from './london-time';

describe('working days', () => {
  it('skips weekends and English bank holidays', () => {
    expect(isWorkingDay('2026-12-24')).toBe(true); // Thursday
    expect(isWorkingDay('2026-12-25')).toBe(false); // Christmas
    expect(isWorkingDay('2026-12-26')).toBe(false); // Saturday
    expect(isWorkingDay('2026-12-28')).toBe(false); // substitute Boxing Day
    expect(workingDaysBefore('2026-12-31', 5)).toBe('2026-12-22'); // 30, 29, 24, 23, 22
    expect(workingDaysBefore('2026-04-08', 3)).toBe('2026-04-01'); // 7, (6 Easter Monday), (3 Good Friday), 2, 1
  });

  it('puts the cancellation deadline at the end of the London day, 5 working days before', () => {
    const start = londonToUtc('2026-12-14', '09:30'); // Monday
    expect(cancellationDeadline(start, 5).toISOString()).toBe('2026-12-07T23:59:59.999Z');
    expect(isLateCancellation(new Date('2026-12-07T23:00:00Z'), start, 5)).toBe(false);
    expect(isLateCancellation(new Date('2026-12-08T00:00:00Z'), start, 5)).toBe(true);
  });

  it('uses London time across the clock change', () => {
    // Thursday 16 April 2026 (BST): 15, 14, 13, 10, 9 April -> 23:59 BST on 9 April = 22:59 UTC
    expect(cancellationDeadline(londonToUtc('2026-04-16', '09:30'), 5).toISOString()).toBe('2026-04-09T22:59:59.999Z');
    // Thursday 2 April 2026 (BST): 1 April, 31, 30, 27, 26 March (GMT) -> 23:59 GMT on 26 March
    expect(cancellationDeadline(londonToUtc('2026-04-02', '09:30'), 5).toISOString()).toBe('2026-03-26T23:59:59.999Z');
  });
});
