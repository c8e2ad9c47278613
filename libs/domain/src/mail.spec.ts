import { nextRetryAt } from './mail';

describe('nextRetryAt', () => {
  const t = new Date('2026-03-03T10:00:00Z');

  it('doubles the wait after each failure', () => {
    expect(nextRetryAt(t, 1, 6, 60)).toEqual(new Date('2026-03-03T10:01:00Z'));
    expect(nextRetryAt(t, 2, 6, 60)).toEqual(new Date('2026-03-03T10:02:00Z'));
    expect(nextRetryAt(t, 5, 6, 60)).toEqual(new Date('2026-03-03T10:16:00Z'));
  });

  it('gives up at the limit', () => {
    expect(nextRetryAt(t, 6, 6, 60)).toBeNull();
    expect(() => nextRetryAt(t, 0, 6, 60)).toThrow();
  });
});
