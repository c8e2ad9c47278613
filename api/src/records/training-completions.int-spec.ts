// Training completions follow the registers: written when a session's registers are all signed off, for the
// places whose outcome completes the course, revoked by a correction that takes attendance away (with its
// reason), restored by one that gives it back, never before sign-off.
import { AttendanceMark, AttendanceRule, CompletionSource, CourseOutcome } from '@lh/domain';
import { MINUTE, useRegisterApi } from '../registers/register-test-support';
import { Course } from '../catalogue/course.entity';
import { Session } from '../scheduling/session.entity';
import { SessionPart } from '../scheduling/session-part.entity';
import { TrainingCompletion } from './training-completion.entity';

const HOUR = 60 * MINUTE;

describe('training completions (real API, real PostgreSQL)', () => {
  const ctx = useRegisterApi();
  const { at, scenario, register, marked, signOff } = ctx;
  const completions = async (sessionId: string) =>
    new Map((await ctx.em().find(TrainingCompletion, { session: sessionId }, { populate: ['booking'] })).map((c) => [c.booking!.id, c]));

  /** Moves the session's one part to 00:30 BST on 25 October 2026, the night the clocks go back (23:30 UTC on the 24th). */
  async function atMidnightInLondon(sessionId: string, partId: string) {
    const em = ctx.em();
    const startsAt = new Date('2026-10-24T23:30:00Z');
    const endsAt = new Date(startsAt.getTime() + 3 * HOUR);
    await em.nativeUpdate(SessionPart, { id: partId }, { startsAt, endsAt });
    await em.nativeUpdate(Session, { id: sessionId }, { startsAt, endsAt });
    return startsAt;
  }

  it('writes completions at sign-off for attended places only, copying what the record prints, in London dates', async () => {
    const {
      session,
      parts,
      trainerCookie: trainer,
      bookings,
    } = await scenario(['Ada Attended', 'Cat Leftearly', 'Eve Absent'], {
      rule: AttendanceRule.SHARE_OF_TIME,
      percent: 75,
    });
    const [ada, cat] = bookings as [(typeof bookings)[0], (typeof bookings)[0]];
    const part = parts[0]!;
    const startsAt = await atMidnightInLondon(session.id, part.id);
    at(startsAt, HOUR);
    await marked(trainer, { partId: part.id, bookingId: ada.id, mark: AttendanceMark.PRESENT });
    await marked(trainer, { partId: part.id, bookingId: cat.id, mark: AttendanceMark.LEFT_EARLY, minutes: 60 });
    expect((await completions(session.id)).size).toBe(0); // nothing before sign-off

    expect((await signOff(trainer, part.id)).errors).toBeUndefined();
    const written = await completions(session.id);
    expect([...written.keys()]).toEqual([ada.id]); // partly attended does not complete this course
    const course = await ctx.em().findOneOrFail(Course, session.course.id);
    expect(written.get(ada.id)).toMatchObject({
      source: CompletionSource.SESSION,
      outcome: CourseOutcome.ATTENDED,
      title: course.title,
      level: course.level,
      minutes: 180,
      startedOn: '2026-10-25',
      completedOn: '2026-10-25',
      revokedAt: null,
    });
    expect(written.get(ada.id)!.agency!.id).toBe(ada.agency!.id);
  });

  it('counts partly attended where the course allows it, and a correction revokes and then restores', async () => {
    const {
      session,
      parts,
      trainerCookie: trainer,
      bookings,
    } = await scenario(['Ada Attended', 'Cat Leftearly'], {
      rule: AttendanceRule.SHARE_OF_TIME,
      percent: 75,
    });
    await ctx.em().nativeUpdate(Course, { id: session.course.id }, { partlyAttendedCompletes: true });
    const [ada, cat] = bookings as [(typeof bookings)[0], (typeof bookings)[0]];
    const part = parts[0]!;
    at(part.startsAt, HOUR);
    const adaMark = await marked(trainer, { partId: part.id, bookingId: ada.id, mark: AttendanceMark.PRESENT });
    await marked(trainer, { partId: part.id, bookingId: cat.id, mark: AttendanceMark.LEFT_EARLY, minutes: 60 });
    expect((await signOff(trainer, part.id)).errors).toBeUndefined();
    const written = await completions(session.id);
    expect(written.get(cat.id)).toMatchObject({ outcome: CourseOutcome.PARTLY_ATTENDED, minutes: 120 });
    const adaCompletion = written.get(ada.id)!.id;

    // Ada was not there after all: her completion is revoked, with the reason, and kept
    at(part.startsAt, 2 * 24 * HOUR);
    const revoked = await marked(ctx.coordinator, {
      partId: part.id,
      bookingId: ada.id,
      mark: AttendanceMark.DID_NOT_ATTEND,
      basedOnEventId: adaMark,
      reason: 'Signed in for a colleague who was not there',
    });
    const afterRevoke = (await completions(session.id)).get(ada.id)!;
    expect(afterRevoke).toMatchObject({ id: adaCompletion, revokedReason: 'Signed in for a colleague who was not there' });
    expect(afterRevoke.revokedAt!.getTime()).toBe(part.startsAt.getTime() + 2 * 24 * HOUR);
    expect((await completions(session.id)).get(cat.id)!.revokedAt).toBeNull();

    // and it was her after all: restored, the same completion
    at(part.startsAt, 3 * 24 * HOUR);
    expect((await register(part.id, ctx.coordinator)).entries.find((e) => e.bookingId === ada.id)!.eventId).toBe(revoked);
    await marked(ctx.coordinator, {
      partId: part.id,
      bookingId: ada.id,
      mark: AttendanceMark.PRESENT,
      basedOnEventId: revoked,
      reason: 'The trainer confirmed she was there',
    });
    expect((await completions(session.id)).get(ada.id)).toMatchObject({ id: adaCompletion, revokedAt: null, revokedReason: null });
  });
});
