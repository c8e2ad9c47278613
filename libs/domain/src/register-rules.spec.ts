import {
  AttendanceMark,
  AttendanceRule,
  CourseOutcome,
  attendanceRuleProblem,
  courseOutcome,
  describeMark,
  markProblem,
  minutesAttended,
  registerCounts,
  registerWindow,
  registerWindowState,
  type PartMark,
} from './register-rules';

const at = (iso: string) => new Date(iso);
const morning = { startsAt: at('2026-03-03T09:30:00Z'), endsAt: at('2026-03-03T12:30:00Z') };
const afternoon = { startsAt: at('2026-03-03T13:30:00Z'), endsAt: at('2026-03-03T16:30:00Z') };
const allParts = { attendanceRule: AttendanceRule.ALL_PARTS, attendanceMinimumPercent: 100 };
const share = (p: number) => ({ attendanceRule: AttendanceRule.SHARE_OF_TIME, attendanceMinimumPercent: p });

describe('registerWindow', () => {
  const window = registerWindow(morning, 120);

  it('opens 15 minutes before the part starts and closes the given time after it ends', () => {
    expect(window.opensAt.toISOString()).toBe('2026-03-03T09:15:00.000Z');
    expect(window.closesAt.toISOString()).toBe('2026-03-03T14:30:00.000Z');
  });

  it('is not open a minute before, open at the opening minute and until the closing one, closed after', () => {
    expect(registerWindowState(window, at('2026-03-03T09:14:59Z'))).toBe('NOT_OPEN');
    expect(registerWindowState(window, at('2026-03-03T09:15:00Z'))).toBe('OPEN');
    expect(registerWindowState(window, at('2026-03-03T14:30:00Z'))).toBe('OPEN');
    expect(registerWindowState(window, at('2026-03-03T14:30:01Z'))).toBe('CLOSED');
  });

  it('counts in instants across the clock change (a part in the repeated hour in October)', () => {
    // 01:30 BST (00:30Z) to 01:30 GMT (01:30Z) on 25 October 2026: one hour of real time.
    const part = { startsAt: at('2026-10-25T00:30:00Z'), endsAt: at('2026-10-25T01:30:00Z') };
    const w = registerWindow(part, 0);
    expect(w.opensAt.toISOString()).toBe('2026-10-25T00:15:00.000Z');
    expect(markProblem(AttendanceMark.LATE, 60, part)).toMatch(/from 1 to 59/);
  });
});

describe('markProblem', () => {
  it('asks for minutes with late and left early, within the part', () => {
    expect(markProblem(AttendanceMark.LATE, null, morning)).toBe('Enter how many minutes late they arrived');
    expect(markProblem(AttendanceMark.LEFT_EARLY, undefined, morning)).toBe('Enter how many minutes early they left');
    expect(markProblem(AttendanceMark.LATE, 0, morning)).toMatch(/whole number from 1 to 179/);
    expect(markProblem(AttendanceMark.LATE, 180, morning)).toMatch(/from 1 to 179/);
    expect(markProblem(AttendanceMark.LATE, 2.5, morning)).toMatch(/whole number/);
    expect(markProblem(AttendanceMark.LATE, 20, morning)).toBeNull();
  });

  it('refuses minutes with any other mark', () => {
    expect(markProblem(AttendanceMark.PRESENT, 10, morning)).toBe('Minutes are only for people who arrived late or left early');
    expect(markProblem(null, 10, morning)).not.toBeNull();
    expect(markProblem(AttendanceMark.DID_NOT_ATTEND, null, morning)).toBeNull();
  });
});

describe('describeMark', () => {
  it('says the mark in words, with minutes only where they mean something', () => {
    expect(describeMark(AttendanceMark.LATE, 10)).toBe('Late (10 minutes)');
    expect(describeMark(AttendanceMark.LEFT_EARLY, 30)).toBe('Left early (30 minutes)');
    expect(describeMark(AttendanceMark.PRESENT, null)).toBe('Present');
    expect(describeMark(null)).toBe('Not marked');
  });
});

describe('registerCounts', () => {
  it('counts each state, unmarked included', () => {
    expect(
      registerCounts([AttendanceMark.PRESENT, AttendanceMark.PRESENT, AttendanceMark.LATE, null, AttendanceMark.DID_NOT_ATTEND]),
    ).toEqual({
      PRESENT: 2,
      LATE: 1,
      LEFT_EARLY: 0,
      ABSENT_WITH_APOLOGY: 0,
      DID_NOT_ATTEND: 1,
      NOT_MARKED: 1,
    });
  });
});

describe('courseOutcome', () => {
  const marks = (...m: [AttendanceMark | null, number?][]): PartMark[] =>
    m.map(([mark, minutes], i) => ({ part: i === 0 ? morning : afternoon, mark, minutes: minutes ?? null }));

  it('with "every part": attended when present (late or leaving early included) at every part', () => {
    expect(courseOutcome(marks([AttendanceMark.PRESENT], [AttendanceMark.LATE, 30]), allParts)).toEqual({
      outcome: CourseOutcome.ATTENDED,
      minutesAttended: 330,
      minutesScheduled: 360,
    });
  });

  it('partly attended when there for some of it; a part not marked counts as missed', () => {
    expect(courseOutcome(marks([AttendanceMark.PRESENT], [null]), allParts).outcome).toBe(CourseOutcome.PARTLY_ATTENDED);
    expect(courseOutcome(marks([AttendanceMark.PRESENT], [AttendanceMark.DID_NOT_ATTEND]), allParts).outcome).toBe(
      CourseOutcome.PARTLY_ATTENDED,
    );
  });

  it('absent with apology only when at none of it and an apology was given', () => {
    expect(courseOutcome(marks([AttendanceMark.ABSENT_WITH_APOLOGY], [AttendanceMark.DID_NOT_ATTEND]), allParts).outcome).toBe(
      CourseOutcome.ABSENT_WITH_APOLOGY,
    );
    expect(courseOutcome(marks([AttendanceMark.DID_NOT_ATTEND], [null]), allParts).outcome).toBe(CourseOutcome.DID_NOT_ATTEND);
    expect(courseOutcome(marks([null]), allParts).outcome).toBe(CourseOutcome.DID_NOT_ATTEND);
  });

  it('with "a share of the time": minutes late or left early are taken off, and the share is inclusive', () => {
    // 360 minutes scheduled; 75 % is 270.
    expect(courseOutcome(marks([AttendanceMark.PRESENT], [AttendanceMark.LEFT_EARLY, 90]), share(75)).outcome).toBe(CourseOutcome.ATTENDED);
    expect(courseOutcome(marks([AttendanceMark.PRESENT], [AttendanceMark.LEFT_EARLY, 91]), share(75)).outcome).toBe(
      CourseOutcome.PARTLY_ATTENDED,
    );
    expect(courseOutcome(marks([AttendanceMark.PRESENT], [AttendanceMark.DID_NOT_ATTEND]), share(50)).outcome).toBe(CourseOutcome.ATTENDED);
  });

  it('minutesAttended is zero for anything but being there', () => {
    expect(minutesAttended({ part: morning, mark: AttendanceMark.ABSENT_WITH_APOLOGY })).toBe(0);
    expect(minutesAttended({ part: morning, mark: AttendanceMark.LATE, minutes: 15 })).toBe(165);
  });
});

describe('attendanceRuleProblem', () => {
  it('needs a whole per cent from 1 to 100 for a share of the time', () => {
    expect(attendanceRuleProblem(allParts)).toBeNull();
    expect(attendanceRuleProblem(share(80))).toBeNull();
    expect(attendanceRuleProblem(share(0))).toMatch(/1 to 100/);
    expect(attendanceRuleProblem(share(101))).toMatch(/1 to 100/);
    expect(attendanceRuleProblem(share(50.5))).toMatch(/whole number/);
  });
});
