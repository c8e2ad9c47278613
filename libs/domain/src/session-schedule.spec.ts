import {
  bookingWindow,
  bookingWindowDates,
  isWithinYearsOf,
  describeSessionChanges,
  londonPartOf,
  londonSchedule,
  longerThanCourseProblem,
  noSessionsProblem,
  prerequisiteLoop,
  scheduledMinutes,
  type SessionPlan,
} from './session-schedule';

const iso = (d: Date) => d.toISOString();

describe('londonSchedule', () => {
  it('converts London wall-clock parts to UTC either side of the clock changes', () => {
    const { parts, problems } = londonSchedule([
      { date: '2026-03-28', startTime: '09:30', endTime: '12:30' },
      { date: '2026-03-30', startTime: '09:30', endTime: '16:00' },
    ]);
    expect(problems).toEqual([]);
    expect(parts.map((p) => [iso(p.startsAt), iso(p.endsAt)])).toEqual([
      ['2026-03-28T09:30:00.000Z', '2026-03-28T12:30:00.000Z'],
      ['2026-03-30T08:30:00.000Z', '2026-03-30T15:00:00.000Z'],
    ]);
  });

  it('refuses a time the clocks skip, naming the part and the field', () => {
    const { parts, problems } = londonSchedule([
      { date: '2026-03-20', startTime: '09:30', endTime: '12:30' },
      { date: '2026-03-29', startTime: '01:30', endTime: '04:00' },
    ]);
    expect(parts).toEqual([]);
    expect(problems).toEqual([
      {
        field: 'parts.1.startTime',
        message:
          'Part 2: 01:30 does not exist on Sunday 29 March 2026 because the clocks go forward; choose a time outside the missing hour',
      },
    ]);
  });

  it('refuses a time in the repeated hour in October unless the part says which one is meant', () => {
    const { parts, problems } = londonSchedule(
      [
        { date: '2026-10-20', startTime: '09:30', endTime: '12:30' },
        { date: '2026-10-25', startTime: '01:30', endTime: '03:00' },
      ],
      'input.parts',
    );
    expect(parts).toEqual([]);
    expect(problems).toEqual([
      {
        field: 'input.parts.1.startOccurrence',
        message: 'Part 2: 01:30 on 25 October 2026 happens twice when the clocks go back: choose the first (BST) or second (GMT)',
      },
    ]);
    // the end time too
    expect(londonSchedule([{ date: '2026-10-25', startTime: '00:30', endTime: '01:15' }]).problems.map((p) => p.field)).toEqual([
      'parts.0.endOccurrence',
    ]);
  });

  it.each([
    ['FIRST', '2026-10-25T00:30:00.000Z'],
    ['SECOND', '2026-10-25T01:30:00.000Z'],
  ] as const)('stores the %s 01:30 when the part says so', (occurrence, start) => {
    const { parts, problems } = londonSchedule([{ date: '2026-10-25', startTime: '01:30', endTime: '03:00', startOccurrence: occurrence }]);
    expect(problems).toEqual([]);
    expect([iso(parts[0]!.startsAt), iso(parts[0]!.endsAt)]).toEqual([start, '2026-10-25T03:00:00.000Z']);
    // and editing gives the same choice back, so saving again keeps the instant
    expect(londonPartOf(parts[0]!)).toEqual({
      date: '2026-10-25',
      startTime: '01:30',
      endTime: '03:00',
      startOccurrence: occurrence,
      endOccurrence: null,
    });
  });

  it('lets the first 01:30 end at the second 01:15 (BST to GMT) but not before it starts', () => {
    const across = londonSchedule([
      { date: '2026-10-25', startTime: '01:30', endTime: '01:15', startOccurrence: 'FIRST', endOccurrence: 'SECOND' },
    ]);
    expect(across.parts.map((p) => [iso(p.startsAt), iso(p.endsAt)])).toEqual([['2026-10-25T00:30:00.000Z', '2026-10-25T01:15:00.000Z']]);
    const backwards = londonSchedule([
      { date: '2026-10-25', startTime: '01:30', endTime: '01:45', startOccurrence: 'SECOND', endOccurrence: 'FIRST' },
    ]);
    expect(backwards.problems.map((p) => p.field)).toEqual(['parts.0.endTime']);
  });

  it('ignores an occurrence given for a time that happens once', () => {
    const { parts, problems } = londonSchedule([
      { date: '2026-10-25', startTime: '09:30', endTime: '12:30', startOccurrence: 'FIRST', endOccurrence: 'SECOND' },
    ]);
    expect(problems).toEqual([]);
    expect(iso(parts[0]!.startsAt)).toBe('2026-10-25T09:30:00.000Z');
  });

  it('names malformed dates and times', () => {
    const { problems } = londonSchedule(
      [
        { date: '2026-02-30', startTime: '9.30', endTime: '24:00' },
        { date: '2026-03-03', startTime: '09:30', endTime: '12:00' },
      ],
      'input.parts',
    );
    expect(problems.map((p) => p.field)).toEqual(['input.parts.0.date', 'input.parts.0.startTime', 'input.parts.0.endTime']);
    expect(problems[0]!.message).toBe('Part 1: enter a real date');
  });

  it('needs the end after the start', () => {
    const { problems } = londonSchedule([{ date: '2026-05-05', startTime: '12:00', endTime: '12:00' }]);
    expect(problems).toEqual([{ field: 'parts.0.endTime', message: 'Part 1: the end time must be after the start time' }]);
  });

  it('needs the parts in order without overlapping (touching is fine)', () => {
    const touching = londonSchedule([
      { date: '2026-05-05', startTime: '09:00', endTime: '12:00' },
      { date: '2026-05-05', startTime: '12:00', endTime: '15:00' },
    ]);
    expect(touching.problems).toEqual([]);
    const overlapping = londonSchedule([
      { date: '2026-05-05', startTime: '09:00', endTime: '12:00' },
      { date: '2026-05-05', startTime: '11:00', endTime: '15:00' },
    ]);
    expect(overlapping.problems).toEqual([
      { field: 'parts.1.date', message: 'Part 2 must start after part 1 ends: put the parts in date order, without overlapping' },
    ]);
    const reversed = londonSchedule([
      { date: '2026-05-06', startTime: '09:00', endTime: '12:00' },
      { date: '2026-05-05', startTime: '09:00', endTime: '12:00' },
    ]);
    expect(reversed.problems.map((p) => p.field)).toEqual(['parts.1.date']);
  });

  it('needs at least one part and at most ten', () => {
    expect(londonSchedule([]).problems).toEqual([
      { field: 'parts', message: 'Add at least one part: a date, a start time and an end time' },
    ]);
    const many = Array.from({ length: 11 }, (_, i) => ({
      date: `2026-06-${String(i + 1).padStart(2, '0')}`,
      startTime: '09:00',
      endTime: '10:00',
    }));
    expect(londonSchedule(many).problems[0]!.message).toBe('A session can have at most 10 parts');
  });

  it('round-trips through londonPartOf', () => {
    const input = { date: '2026-03-29', startTime: '09:30', endTime: '16:00' };
    expect(londonPartOf(londonSchedule([input]).parts[0]!)).toEqual({ ...input, startOccurrence: null, endOccurrence: null });
  });
});

describe('bookingWindow', () => {
  const start = new Date('2026-06-10T08:30:00Z'); // 9:30am BST on Wednesday 10 June 2026

  it('opens at the start of one London day and closes at the end of another', () => {
    const w = bookingWindow({ opensOn: '2026-05-01', closesOn: '2026-06-09', sessionStartsAt: start });
    expect(w.problems).toEqual([]);
    expect(iso(w.opensAt!)).toBe('2026-04-30T23:00:00.000Z');
    expect(iso(w.closesAt!)).toBe('2026-06-09T23:00:00.000Z');
    expect(bookingWindowDates(w.opensAt, w.closesAt)).toEqual({ opensOn: '2026-05-01', closesOn: '2026-06-09' });
  });

  it('allows either end to be open', () => {
    expect(bookingWindow({ opensOn: null, closesOn: null, sessionStartsAt: start })).toEqual({
      opensAt: null,
      closesAt: null,
      problems: [],
    });
    expect(bookingWindowDates(null, null)).toEqual({ opensOn: null, closesOn: null });
  });

  it('refuses a window that closes before it opens, opens too late or closes after the first day', () => {
    expect(bookingWindow({ opensOn: '2026-05-10', closesOn: '2026-05-09', sessionStartsAt: start }).problems).toEqual([
      { field: 'bookingClosesOn', message: 'Booking must close on or after the day it opens' },
    ]);
    expect(bookingWindow({ opensOn: '2026-06-11', closesOn: null, sessionStartsAt: start }).problems).toEqual([
      { field: 'bookingOpensOn', message: 'Booking must open before the session starts' },
    ]);
    expect(bookingWindow({ opensOn: null, closesOn: '2026-06-11', sessionStartsAt: start }).problems).toEqual([
      { field: 'bookingClosesOn', message: 'Booking must close on or before the first day of the session' },
    ]);
    expect(bookingWindow({ opensOn: null, closesOn: '2026-06-10', sessionStartsAt: start }).problems).toEqual([]);
    expect(bookingWindow({ opensOn: '2026-13-01', closesOn: null, sessionStartsAt: start }).problems).toEqual([
      { field: 'bookingOpensOn', message: 'The date booking opens must be a real date' },
    ]);
  });
});

describe('describeSessionChanges', () => {
  const part = (s: string, e: string) => ({ startsAt: new Date(s), endsAt: new Date(e) });
  const civic = { id: 'v1', name: 'Civic Centre' };
  const base: SessionPlan = {
    parts: [part('2026-03-03T09:30:00Z', '2026-03-03T12:30:00Z')],
    venue: civic,
    room: 'Room 1',
    onlineUrl: null,
  };

  it('says nothing when nothing booked people care about changed', () => {
    expect(describeSessionChanges(base, { ...base, parts: [...base.parts] })).toEqual([]);
  });

  it('describes a new date and a new room', () => {
    expect(
      describeSessionChanges(base, { ...base, parts: [part('2026-03-10T09:30:00Z', '2026-03-10T12:30:00Z')], room: 'Room 2' }),
    ).toEqual(['New date: Tuesday 10 March 2026, 9:30am to 12:30pm', 'New venue: Civic Centre, Room 2']);
  });

  it('describes changed, added and removed parts', () => {
    const two = { ...base, parts: [...base.parts, part('2026-03-04T09:30:00Z', '2026-03-04T16:00:00Z')] };
    expect(describeSessionChanges(base, two)).toEqual(['New part 2: Wednesday 4 March 2026, 9:30am to 4pm']);
    expect(describeSessionChanges(two, base)).toEqual(['Part 2 (Wednesday 4 March 2026, 9:30am to 4pm) no longer takes place']);
    const moved = { ...two, parts: [two.parts[0]!, part('2026-03-05T09:30:00Z', '2026-03-05T16:00:00Z')] };
    expect(describeSessionChanges(two, moved)).toEqual(['Part 2, new date: Thursday 5 March 2026, 9:30am to 4pm']);
  });

  it('describes moving online and a new joining link, never giving the link (it is for confirmed places only)', () => {
    const online = { ...base, venue: null, room: null, onlineUrl: 'https://meet.example.org/a' };
    expect(describeSessionChanges(base, online)).toEqual(['Now online instead of at Civic Centre, Room 1']);
    expect(describeSessionChanges(online, { ...online, onlineUrl: 'https://meet.example.org/b' })).toEqual([
      'The joining link has changed',
    ]);
    expect(describeSessionChanges(online, base)).toEqual(['New venue: Civic Centre, Room 1']);
  });
});

describe('prerequisiteLoop', () => {
  const edges = new Map<string, string | null>([
    ['L1', null],
    ['L2', 'L1'],
    ['L3', 'L2'],
  ]);

  it('finds a loop back to the course, through any number of steps', () => {
    expect(prerequisiteLoop('L1', 'L3', edges)).toEqual(['L3', 'L2', 'L1']);
    expect(prerequisiteLoop('L2', 'L2', edges)).toEqual(['L2']);
  });

  it('allows a chain without a loop', () => {
    expect(prerequisiteLoop('L3', 'L1', edges)).toBeNull();
    expect(prerequisiteLoop('NEW', 'L3', edges)).toBeNull();
  });

  it('stops on a loop that does not include the course', () => {
    const broken = new Map<string, string | null>([
      ['A', 'B'],
      ['B', 'A'],
    ]);
    expect(prerequisiteLoop('C', 'A', broken)).toBeNull();
  });
});

describe('parts far longer than the course', () => {
  const part = (date: string, start: string, end: string) => {
    const { parts } = londonSchedule([{ date, startTime: start, endTime: end }]);
    return parts[0]!;
  };
  const halfDay = part('2026-05-05', '09:30', '12:30');
  const fullDay = part('2026-05-05', '09:30', '16:30');
  const nextDay = part('2026-05-06', '09:30', '16:30');

  it('adds up the parts', () => {
    expect(scheduledMinutes([halfDay])).toBe(180);
    expect(scheduledMinutes([fullDay, nextDay])).toBe(840);
  });

  it('asks for confirmation when the parts are more than half as long again as the course', () => {
    expect(longerThanCourseProblem([halfDay], 180, false)).toBeNull();
    // a full day for a 6-hour course (lunch included) is fine
    expect(longerThanCourseProblem([fullDay], 360, false)).toBeNull();
    expect(longerThanCourseProblem([fullDay], 180, false, 'input.confirmLongerThanCourse')).toEqual({
      field: 'input.confirmLongerThanCourse',
      message:
        "The parts add up to 1 day, far longer than the course's usual 3 hours: check the dates and times, or confirm the session is meant to be longer",
    });
    expect(longerThanCourseProblem([fullDay, nextDay], 420, false)?.message).toMatch(
      /^The parts add up to 2 days, far longer than the course's usual 1 day/,
    );
    expect(longerThanCourseProblem([fullDay], 180, true)).toBeNull();
  });
});

describe('noSessionsProblem', () => {
  it('refuses sessions for e-learning only', () => {
    expect(noSessionsProblem('E_LEARNING', 'input.courseId')).toEqual({
      field: 'input.courseId',
      message: "E-learning is done online at the learner's own pace: it has no sessions",
    });
    expect(noSessionsProblem('FACE_TO_FACE')).toBeNull();
    expect(noSessionsProblem('VIRTUAL')).toBeNull();
  });
});

describe('dates within reach', () => {
  const now = new Date('2026-03-03T12:00:00Z');

  it('accepts dates up to 10 years either side of today, and nothing further', () => {
    expect(isWithinYearsOf('2036-12-31', now)).toBe(true);
    expect(isWithinYearsOf('2016-01-01', now)).toBe(true);
    expect(isWithinYearsOf('2037-01-01', now)).toBe(false);
    expect(isWithinYearsOf('9999-12-31', now)).toBe(false);
  });

  it('refuses a booking window or a part far away, with a sentence, instead of failing', () => {
    const window = bookingWindow({ opensOn: null, closesOn: '9999-12-31', sessionStartsAt: null, now });
    expect(window.problems).toEqual([{ field: 'bookingClosesOn', message: 'The date booking closes must be within 10 years of today' }]);
    const schedule = londonSchedule([{ date: '9999-12-31', startTime: '09:30', endTime: '12:30' }], 'parts', now);
    expect(schedule.problems).toEqual([{ field: 'parts.0.date', message: 'Part 1: enter a date within 10 years of today' }]);
  });
});
