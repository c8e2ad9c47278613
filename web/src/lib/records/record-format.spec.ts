import { describeDays, describeHours, formatDay, recordTabOf } from './record-format';

describe('how the record prints dates, hours and its tabs', () => {
  it('prints a London calendar date as day, month in words and year', () => {
    expect(formatDay('2026-03-07')).toBe('7 March 2026');
    expect(formatDay('2025-12-31')).toBe('31 December 2025');
  });

  it('prints one day for learning done in a day, both for learning over several', () => {
    expect(describeDays('2026-03-07', '2026-03-07')).toBe('7 March 2026');
    expect(describeDays('2026-03-03', '2026-03-10')).toBe('3 March 2026 to 10 March 2026');
  });

  it('says hours in words', () => {
    expect(describeHours(1)).toBe('1 hour');
    expect(describeHours(1.5)).toBe('1.5 hours');
  });

  it('opens the training tab unless the address asks for bookings and attendance', () => {
    expect(recordTabOf(new URLSearchParams(''))).toBe('training');
    expect(recordTabOf(new URLSearchParams('tab=places'))).toBe('places');
    expect(recordTabOf(new URLSearchParams('tab=anything'))).toBe('training');
  });
});
