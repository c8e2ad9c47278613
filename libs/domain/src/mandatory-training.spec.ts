import {
  MandatoryStatus,
  addMonths,
  londonToday,
  reminderDue,
  requirementProblems,
  standingOf,
  validUntil,
  type RequirementDraft,
} from './mandatory-training';

describe('validity arithmetic on London calendar dates', () => {
  it('adds months, clamping to the end of shorter months, across leap years', () => {
    expect(addMonths('2024-02-29', 36)).toBe('2027-02-28');
    expect(addMonths('2024-02-29', 48)).toBe('2028-02-29');
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-08-31', 3)).toBe('2026-11-30');
    expect(addMonths('2026-11-15', 2)).toBe('2027-01-15');
    expect(addMonths('2027-05-31', -3)).toBe('2027-02-28');
    expect(addMonths('2027-01-15', -2)).toBe('2026-11-15');
    expect(validUntil('2023-03-31', 36)).toBe('2026-03-31');
  });

  it("reads today's London date: just after midnight BST is the next day, midnight GMT the same", () => {
    expect(londonToday(new Date('2026-06-30T23:00:30Z'))).toBe('2026-07-01'); // 00:00:30 BST
    expect(londonToday(new Date('2026-06-30T22:59:59Z'))).toBe('2026-06-30');
    expect(londonToday(new Date('2026-12-31T23:59:59Z'))).toBe('2026-12-31'); // GMT
    expect(londonToday(new Date('2027-01-01T00:00:00Z'))).toBe('2027-01-01');
  });
});

describe('where a person stands against a requirement', () => {
  const rule = { validityMonths: 36, newStarterMonths: 3, refresherMonths: 3 };
  const at = (today: string, completedOn: string[] = [], joinedOn = '2020-01-01') => standingOf(rule, { joinedOn, completedOn, today });

  it('is current, due soon from the first day of the refresher window, and expired the day after the last valid day', () => {
    // completed 29 Feb 2024: valid through 28 Feb 2027, refresher window from 28 Nov 2026
    expect(at('2026-11-27', ['2024-02-29'])).toMatchObject({
      status: MandatoryStatus.CURRENT,
      validUntil: '2027-02-28',
      refresherFrom: '2026-11-28',
    });
    expect(at('2026-11-28', ['2024-02-29']).status).toBe(MandatoryStatus.DUE_SOON);
    expect(at('2027-02-28', ['2024-02-29']).status).toBe(MandatoryStatus.DUE_SOON);
    expect(at('2027-03-01', ['2024-02-29']).status).toBe(MandatoryStatus.EXPIRED);
  });

  it('a new starter is not yet due through their last day, and overdue the day after', () => {
    expect(at('2026-10-01', [], '2026-09-30')).toMatchObject({ status: MandatoryStatus.NOT_YET_DUE, dueBy: '2026-12-30' });
    expect(at('2026-12-30', [], '2026-09-30').status).toBe(MandatoryStatus.NOT_YET_DUE);
    expect(at('2026-12-31', [], '2026-09-30').status).toBe(MandatoryStatus.OVERDUE);
  });

  it('the latest completion decides: a new one extends validity from its own date; future dates do not count yet', () => {
    expect(at('2027-06-01', ['2024-02-29', '2027-01-10'])).toMatchObject({
      status: MandatoryStatus.CURRENT,
      lastCompletedOn: '2027-01-10',
      validUntil: '2030-01-10',
    });
    expect(at('2027-06-01', ['2027-01-10', '2024-02-29']).lastCompletedOn).toBe('2027-01-10');
    expect(at('2027-03-01', ['2024-02-29', '2027-03-02']).status).toBe(MandatoryStatus.EXPIRED);
  });
});

describe('checking a requirement as entered', () => {
  const good: RequirementDraft = {
    name: 'Safeguarding children: level 1',
    roles: ['PRACTITIONER'],
    agencyIds: [],
    sectors: [],
    courseIds: ['c1'],
    externalMinLevel: null,
    validityMonths: 36,
    newStarterMonths: 3,
    refresherMonths: 3,
  };
  const fields = (over: Partial<RequirementDraft>) => requirementProblems({ ...good, ...over }).map((p) => p.field);

  it('accepts a good one, and names each bad field', () => {
    expect(requirementProblems(good)).toEqual([]);
    expect(fields({ validityMonths: 0 })).toEqual(['validityMonths']);
    expect(fields({ validityMonths: -12 })).toEqual(['validityMonths']);
    expect(fields({ refresherMonths: 37 })).toEqual(['refresherMonths']);
    expect(fields({ refresherMonths: 36 })).toEqual([]);
    expect(fields({ courseIds: [] })).toEqual(['courseIds']);
    expect(fields({ courseIds: [], externalMinLevel: 2 })).toEqual([]);
    expect(fields({ roles: [] })).toEqual(['roles']);
    expect(fields({ roles: [], sectors: ['HEALTH'] })).toEqual([]);
    expect(fields({ name: '  ' })).toEqual(['name']);
    expect(requirementProblems({ ...good, refresherMonths: 40 })[0]!.message).toContain(
      'cannot be longer than how long a completion stays valid',
    );
  });
});

describe('reminders', () => {
  it('go for what needs action, at most once every seven days', () => {
    expect(reminderDue(MandatoryStatus.DUE_SOON, null, '2026-12-01')).toBe(true);
    expect(reminderDue(MandatoryStatus.CURRENT, null, '2026-12-01')).toBe(false);
    expect(reminderDue(MandatoryStatus.NOT_YET_DUE, null, '2026-12-01')).toBe(false);
    expect(reminderDue(MandatoryStatus.OVERDUE, '2026-11-25', '2026-12-01')).toBe(false);
    expect(reminderDue(MandatoryStatus.EXPIRED, '2026-11-24', '2026-12-01')).toBe(true);
  });
});
