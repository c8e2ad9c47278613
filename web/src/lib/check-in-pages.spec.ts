import { checkInClientId, partCaption, walkInsClosedReason } from './check-in-pages';

describe('walk-in and check-in pages', () => {
  const part = { courseTitle: 'Safer sleep', startsAt: '2026-03-03T09:30:00Z', endsAt: '2026-03-03T12:30:00Z' };

  it('names the part only when the session has several', () => {
    expect(partCaption({ ...part, partNumber: 1, partCount: 1 })).toBe('Tuesday 3 March 2026, 9:30am to 12:30pm');
    expect(partCaption({ ...part, partNumber: 2, partCount: 2 })).toBe('Part 2 of 2: Tuesday 3 March 2026, 9:30am to 12:30pm');
  });

  it('says why walk-ins cannot be added, from the window', () => {
    const r = { opensAt: '2026-03-03T09:15:00Z', closesAt: '2026-03-05T12:30:00Z', changesNeedReason: false };
    expect(walkInsClosedReason({ ...r, canMark: true, windowState: 'OPEN' })).toBeNull();
    expect(walkInsClosedReason({ ...r, canMark: false, windowState: 'NOT_OPEN' })).toBe(
      'Walk-ins can be added from 9:15am on Tuesday 3 March 2026, when the register opens.',
    );
    expect(walkInsClosedReason({ ...r, canMark: false, windowState: 'CLOSED' })).toMatch(
      /^The time for taking this register ended at 12:30pm on Thursday 5 March 2026/,
    );
    // a coordinator can still correct a closed register, but walk-ins are for taking it
    expect(walkInsClosedReason({ ...r, canMark: true, changesNeedReason: true, windowState: 'CLOSED' })).toMatch(/^The time for taking/);
    expect(walkInsClosedReason({ ...r, canMark: false, windowState: 'OPEN' })).toMatch(/signed off or the session was cancelled/);
  });

  it('gives one id per code and person, shaped as a UUID', async () => {
    const a = await checkInClientId('K7M4QX', 'p1');
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(await checkInClientId('K7M4QX', 'p1')).toBe(a);
    expect(await checkInClientId('K7M4QY', 'p1')).not.toBe(a);
    expect(await checkInClientId('K7M4QX', 'p2')).not.toBe(a);
  });
});
