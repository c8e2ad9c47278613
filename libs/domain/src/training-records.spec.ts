import { CourseOutcome } from './register-rules';
import { outcomeCompletes } from './training-records';

describe('outcomeCompletes', () => {
  it('counts attended always, partly attended only where the course allows it, and nothing else', () => {
    const strict = { partlyAttendedCompletes: false };
    const lenient = { partlyAttendedCompletes: true };
    expect(outcomeCompletes(CourseOutcome.ATTENDED, strict)).toBe(true);
    expect(outcomeCompletes(CourseOutcome.PARTLY_ATTENDED, strict)).toBe(false);
    expect(outcomeCompletes(CourseOutcome.PARTLY_ATTENDED, lenient)).toBe(true);
    for (const o of [CourseOutcome.ABSENT_WITH_APOLOGY, CourseOutcome.DID_NOT_ATTEND, CourseOutcome.LATE_CANCELLATION]) {
      expect(outcomeCompletes(o, lenient)).toBe(false);
    }
  });
});
