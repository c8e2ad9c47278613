import { londonToUtc } from './london-time';
import { reminderSendTimes } from './reminders';

describe('reminderSendTimes', () => {
  const start = londonToUtc('2026-04-02', '09:30');

  it('sends at 9am London time, 7 days and 1 day before, across the clock change', () => {
    expect(reminderSendTimes(start, [1, 7], new Date('2026-03-01T00:00:00Z'))).toEqual([
      // 26 March is still GMT; 1 April is BST
      { daysBefore: 7, sendAt: new Date('2026-03-26T09:00:00.000Z') },
      { daysBefore: 1, sendAt: new Date('2026-04-01T08:00:00.000Z') },
    ]);
  });

  it('leaves out reminders whose time has passed', () => {
    expect(reminderSendTimes(start, [7, 1], new Date('2026-03-30T12:00:00Z')).map((r) => r.daysBefore)).toEqual([1]);
    expect(reminderSendTimes(start, [7, 1], new Date('2026-04-01T09:00:00Z'))).toEqual([]);
  });

  it('ignores duplicates and nonsense', () => {
    expect(reminderSendTimes(start, [1, 1, 0, -2, 1.5], new Date('2026-03-01T00:00:00Z')).map((r) => r.daysBefore)).toEqual([1]);
  });
});
