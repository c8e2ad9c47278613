import {
  howMarked,
  markedSentence,
  markRequestProblems,
  markWords,
  nameMatches,
  registerQuery,
  searchKey,
  timeNear,
  windowWords,
} from './register-text';

// Tuesday 3 March 2026 (GMT): the part starts at 9:30am
const start = new Date('2026-03-03T09:30:00Z');

describe('the register in words', () => {
  it('says a mark with its minutes', () => {
    expect(markWords({ mark: 'PRESENT', minutes: null })).toBe('Present');
    expect(markWords({ mark: 'LATE', minutes: 10 })).toBe('Late: 10 minutes');
    expect(markWords({ mark: 'LEFT_EARLY', minutes: 1 })).toBe('Left early: 1 minute');
    expect(markWords({ mark: null, minutes: null })).toBe('Not marked');
    expect(markedSentence('Jane Smith', { mark: 'ABSENT_WITH_APOLOGY', minutes: null })).toBe('Jane Smith marked absent with apology');
    expect(markedSentence('Jane Smith', { mark: 'LATE', minutes: 5 })).toBe('Jane Smith marked late, 5 minutes');
    expect(markedSentence('Jane Smith', { mark: null, minutes: null })).toBe("Jane Smith's mark taken back");
  });

  it('says how and when a mark was made, naming the person only when someone else marked', () => {
    const at = '2026-03-03T09:20:00Z';
    expect(howMarked({ mark: 'PRESENT', source: 'TRAINER', markedByName: 'Tom Hale', markedAt: at }, start)).toBe(
      'Marked on the register by Tom Hale at 9:20am',
    );
    expect(howMarked({ mark: 'PRESENT', source: 'SELF_CHECK_IN', markedByName: 'Jane Smith', markedAt: at }, start)).toBe(
      'Checked in with the code at 9:20am',
    );
    expect(howMarked({ mark: 'DID_NOT_ATTEND', source: 'SIGN_OFF', markedByName: 'Tom Hale', markedAt: at }, start)).toBe(
      'Not marked when the register was signed off at 9:20am',
    );
    expect(howMarked({ mark: null, source: 'TRAINER', markedByName: 'Tom Hale', markedAt: at }, start)).toBe(
      'Mark taken back by Tom Hale at 9:20am',
    );
    expect(howMarked({ mark: 'PRESENT', source: 'CORRECTION', markedByName: 'Cora Lee', markedAt: '2026-03-04T10:00:00Z' }, start)).toBe(
      'Corrected by Cora Lee at 10am on Wednesday 4 March 2026',
    );
    expect(howMarked({ mark: null, source: null, markedByName: null, markedAt: null }, start)).toBeNull();
    expect(timeNear(new Date('2026-03-03T23:59:00Z'), start)).toBe('11:59pm');
  });

  it('says where the window stands', () => {
    const r = { opensAt: '2026-03-03T09:15:00Z', closesAt: '2026-03-05T12:30:00Z', startsAt: start.toISOString() };
    expect(windowWords({ ...r, windowState: 'NOT_OPEN' })).toBe('Opens at 9:15am');
    expect(windowWords({ ...r, windowState: 'OPEN' })).toBe('Open for marking until 12:30pm on Thursday 5 March 2026');
    expect(windowWords({ ...r, windowState: 'CLOSED' })).toBe('Closed for marking at 12:30pm on Thursday 5 March 2026');
    // a part just after midnight opens the day before
    expect(windowWords({ ...r, startsAt: '2026-03-03T00:10:00Z', opensAt: '2026-03-02T23:55:00Z', windowState: 'NOT_OPEN' })).toBe(
      'Opens at 11:55pm on Monday 2 March 2026',
    );
  });

  it('finds people by the starts of their names, ignoring case, accents and punctuation', () => {
    const zoe = searchKey("Zoë O'Brien-Hart");
    expect(zoe).toBe('zoe obrienhart');
    expect(nameMatches(zoe, 'zoe')).toBe(true);
    expect(nameMatches(zoe, 'ZO OB')).toBe(true);
    expect(nameMatches(zoe, "o'brien")).toBe(true);
    expect(nameMatches(zoe, 'brien')).toBe(false);
    expect(nameMatches(zoe, '  ')).toBe(true);
    expect(nameMatches(searchKey('Jane Smith'), 'smith jane')).toBe(true);
  });

  it("checks a mark on the device in the words the API uses, at the person's field", () => {
    const part = { startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 3 * 3_600_000).toISOString() };
    expect(markRequestProblems('b1', { mark: 'LATE', minutes: null, reason: null }, part, false)).toEqual([
      { field: 'minutes-b1', message: 'Enter how many minutes late they arrived' },
    ]);
    expect(markRequestProblems('b1', { mark: 'LEFT_EARLY', minutes: 180, reason: null }, part, false)).toEqual([
      { field: 'minutes-b1', message: 'Enter how many minutes early they left as a whole number from 1 to 179' },
    ]);
    expect(markRequestProblems('b1', { mark: 'PRESENT', minutes: null, reason: null, unreadableMinutes: true }, part, false)).toEqual([
      { field: 'minutes-b1', message: 'Enter the minutes as a whole number, like 10' },
    ]);
    expect(markRequestProblems('b1', { mark: 'PRESENT', minutes: null, reason: null }, part, true)).toEqual([
      { field: 'reason-b1', message: 'Enter the reason for the correction' },
    ]);
    expect(markRequestProblems('b1', { mark: 'LATE', minutes: 10, reason: 'Train' }, part, true)).toEqual([]);
  });

  it('keeps the search in the address', () => {
    expect(registerQuery({ q: 'jo sm', show: 'unmarked', confirm: null })).toBe('?q=jo+sm&show=unmarked');
    expect(registerQuery({ q: null })).toBe('?');
  });
});
