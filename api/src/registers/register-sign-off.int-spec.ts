// Registers (2 of 2): marking everyone not yet marked, signing off (the unmarked become "did not attend",
// the counts are kept, the register locks), corrections after it, and the course outcomes written when the
// session's last register is signed off and rewritten after a correction.
import { AttendanceMark, AttendanceRule, BookingStatus, CourseOutcome, MarkSource, formatLondonDateTime } from '@lh/domain';
import { MINUTE, code, counts, fields, message, useRegisterApi } from './register-test-support';

const HOUR = 60 * MINUTE;

describe('registers: mark-all, sign-off and outcomes (real API, real PostgreSQL)', () => {
  const ctx = useRegisterApi();
  const { at, scenario, booking, register, mark, marked, markAll, signOff, events, outcomes } = ctx;

  it('marks everyone not yet marked as present, and nobody else', async () => {
    const { parts, trainerCookie: trainer, bookings } = await scenario(['Ann Apology', 'Len Late', 'Una Unmarked', 'Tia Takenback']);
    const part = parts[0]!;
    const [ann, len, una, tia] = bookings as [(typeof bookings)[0], (typeof bookings)[0], (typeof bookings)[0], (typeof bookings)[0]];
    at(part.startsAt, 10 * MINUTE);
    await marked(trainer, { partId: part.id, bookingId: ann.id, mark: AttendanceMark.ABSENT_WITH_APOLOGY, note: 'Phoned in sick' });
    await marked(trainer, { partId: part.id, bookingId: len.id, mark: AttendanceMark.LATE, minutes: 20 });
    const tiaFirst = await marked(trainer, { partId: part.id, bookingId: tia.id, mark: AttendanceMark.DID_NOT_ATTEND });
    await marked(trainer, { partId: part.id, bookingId: tia.id, mark: null, basedOnEventId: tiaFirst });
    const before = (await events(part.id)).length;

    const res = await markAll(trainer, part.id);
    expect(res.errors).toBeUndefined();
    const after = res.data!.markAllPresent;
    expect(after.counts).toEqual(counts({ present: 2, late: 1, absentWithApology: 1 }));
    const byName = new Map(after.entries.map((e) => [e.name, e]));
    expect(byName.get('Ann Apology')).toMatchObject({ mark: 'ABSENT_WITH_APOLOGY', note: 'Phoned in sick' });
    expect(byName.get('Len Late')).toMatchObject({ mark: 'LATE', minutes: 20 });
    expect(byName.get('Una Unmarked')).toMatchObject({ mark: 'PRESENT', source: 'TRAINER', markedByName: 'Tariq Trainer' });
    expect(byName.get('Tia Takenback')).toMatchObject({ mark: 'PRESENT' });
    const written = (await events(part.id)).slice(before);
    expect(written.map((e) => e.booking.id).sort()).toEqual([una.id, tia.id].sort());
    expect(written.every((e) => e.mark === AttendanceMark.PRESENT && e.source === MarkSource.TRAINER)).toBe(true);

    // the same for a coordinator; and once the register has closed it is for one-at-a-time corrections only
    at(part.endsAt, 48 * HOUR + 1);
    const closed = await markAll(ctx.coordinator, part.id);
    expect([code(closed), message(closed)]).toEqual([
      'REGISTER_SIGNED_OFF',
      'Marking everyone at once is for taking the register: correct people one at a time, giving a reason.',
    ]);
  });

  it('signs off once the part has started: the unmarked become "did not attend", the counts are kept, and it locks', async () => {
    const {
      parts,
      trainerCookie: trainer,
      bookings,
    } = await scenario(['Ann Apology', 'Len Late', 'Pia Present', 'Una Unmarked', 'Vic Vanished']);
    const part = parts[0]!;
    const [ann, len, pia, una] = bookings as [(typeof bookings)[0], (typeof bookings)[0], (typeof bookings)[0], (typeof bookings)[0]];
    at(part.startsAt, -10 * MINUTE);
    await marked(trainer, { partId: part.id, bookingId: ann.id, mark: AttendanceMark.ABSENT_WITH_APOLOGY });
    const tooSoon = await signOff(trainer, part.id);
    expect([code(tooSoon), message(tooSoon)]).toEqual([
      'REGISTER_NOT_OPEN',
      'This register can be signed off once the session has started.',
    ]);

    at(part.startsAt, 30 * MINUTE);
    const lenLate = await marked(trainer, { partId: part.id, bookingId: len.id, mark: AttendanceMark.LATE, minutes: 25 });
    await marked(trainer, { partId: part.id, bookingId: pia.id, mark: AttendanceMark.PRESENT });
    const res = await signOff(trainer, part.id);
    expect(res.errors).toBeUndefined();
    const signedAt = new Date(part.startsAt.getTime() + 30 * MINUTE);
    const kept = counts({ present: 1, late: 1, absentWithApology: 1, didNotAttend: 2 });
    expect(res.data!.signOffRegister).toMatchObject({
      canMark: false,
      signOff: { signedByName: 'Tariq Trainer', signedAt: signedAt.toISOString(), counts: kept },
      counts: kept,
    });
    const bySignOff = (await events(part.id)).filter((e) => e.source === MarkSource.SIGN_OFF);
    expect(bySignOff.map((e) => e.booking.id).sort()).toEqual([una.id, bookings[4]!.id].sort());
    expect(bySignOff.every((e) => e.mark === AttendanceMark.DID_NOT_ATTEND && e.previousMark === null)).toBe(true);

    // locked for trainers: marks, mark-all and another sign-off are refused, saying who signed it off and when
    const signedOff = `Tariq Trainer signed this register off at ${formatLondonDateTime(signedAt)}. Only a coordinator can change it now, giving a reason.`;
    const refused = await mark(trainer, { partId: part.id, bookingId: len.id, mark: AttendanceMark.PRESENT, basedOnEventId: lenLate });
    expect([code(refused), message(refused)]).toEqual(['REGISTER_SIGNED_OFF', signedOff]);
    expect((await register(part.id, trainer)).cannotMarkReason).toBe(signedOff);
    expect(code(await markAll(trainer, part.id))).toBe('REGISTER_SIGNED_OFF');
    expect(code(await signOff(trainer, part.id))).toBe('REGISTER_SIGNED_OFF');
    expect(message(await signOff(ctx.coordinator, part.id))).toBe(
      `Tariq Trainer already signed this register off at ${formatLondonDateTime(signedAt)}.`,
    );

    // a coordinator corrects, only with a reason; the correction keeps the old value and the sign-off keeps its counts
    const noReason = await mark(ctx.coordinator, {
      partId: part.id,
      bookingId: len.id,
      mark: AttendanceMark.PRESENT,
      basedOnEventId: lenLate,
    });
    expect(fields(noReason)).toEqual([{ field: 'input.reason', message: 'Enter the reason for the correction' }]);
    at(part.startsAt, 26 * HOUR);
    await marked(ctx.coordinator, {
      partId: part.id,
      bookingId: len.id,
      mark: AttendanceMark.LEFT_EARLY,
      minutes: 40,
      basedOnEventId: lenLate,
      reason: 'Len arrived on time and left at 11:50',
    });
    expect((await events(part.id)).at(-1)).toMatchObject({
      source: MarkSource.CORRECTION,
      previousMark: AttendanceMark.LATE,
      previousMinutes: 25,
      mark: AttendanceMark.LEFT_EARLY,
      minutes: 40,
      reason: 'Len arrived on time and left at 11:50',
    });
    const now = await register(part.id, ctx.coordinator);
    expect(now).toMatchObject({ changesNeedReason: true, signOff: { counts: kept } });
    expect(now.counts).toEqual(counts({ present: 1, leftEarly: 1, absentWithApology: 1, didNotAttend: 2 }));
  });

  it('decides the outcomes when the last two parts are signed off at the same moment', async () => {
    // each sign-off holds its own part's lock; the outcomes must still be decided once, by whichever commits second
    for (let round = 0; round < 5; round++) {
      const {
        session,
        parts,
        trainerCookie: trainer,
        bookings,
      } = await scenario([`Ann Both ${round}`, `Bo Neither ${round}`], { parts: 2 });
      const [one, two] = parts as [(typeof parts)[0], (typeof parts)[0]];
      at(two.startsAt, HOUR);
      for (const part of [one, two]) {
        await marked(trainer, { partId: part.id, bookingId: bookings[0]!.id, mark: AttendanceMark.PRESENT });
      }
      const [a, b] = await Promise.all([signOff(trainer, one.id), signOff(ctx.coordinator, two.id)]);
      expect([a.errors, b.errors]).toEqual([undefined, undefined]);
      const decided = await outcomes(session.id);
      expect({ round, outcomes: Object.fromEntries([...decided].map(([id, o]) => [id, o.outcome])) }).toEqual({
        round,
        outcomes: { [bookings[0]!.id]: CourseOutcome.ATTENDED, [bookings[1]!.id]: CourseOutcome.DID_NOT_ATTEND },
      });
    }
  });

  it('writes the outcomes when the last part is signed off (attend every part), and rewrites them after a correction', async () => {
    const names = ['Ada Allparts', 'Ben Latebothdays', 'Cat Dayone', 'Dan Apology', 'Eve Nowhere'];
    const { session, parts, trainerCookie: trainer, bookings } = await scenario(names, { parts: 2 });
    const [ada, ben, cat, dan, eve] = bookings as [
      (typeof bookings)[0],
      (typeof bookings)[0],
      (typeof bookings)[0],
      (typeof bookings)[0],
      (typeof bookings)[0],
    ];
    const lateCancel = await booking(session, 'Fay Latecancel', { status: BookingStatus.CANCELLED, lateCancellation: true });
    const earlyCancel = await booking(session, 'Gus Earlycancel', { status: BookingStatus.CANCELLED });
    const [one, two] = parts as [(typeof parts)[0], (typeof parts)[0]];

    at(two.startsAt, HOUR); // both registers open, both parts started
    for (const b of [ada, ben, cat]) {
      await marked(trainer, {
        partId: one.id,
        bookingId: b.id,
        mark: b === ben ? AttendanceMark.LATE : AttendanceMark.PRESENT,
        minutes: b === ben ? 30 : null,
      });
    }
    await marked(trainer, { partId: one.id, bookingId: dan.id, mark: AttendanceMark.ABSENT_WITH_APOLOGY });
    expect((await signOff(trainer, one.id)).errors).toBeUndefined();
    expect((await outcomes(session.id)).size).toBe(0); // part 2 is still to be signed off

    await marked(trainer, { partId: two.id, bookingId: ada.id, mark: AttendanceMark.PRESENT });
    const benTwo = await marked(trainer, { partId: two.id, bookingId: ben.id, mark: AttendanceMark.LEFT_EARLY, minutes: 15 });
    expect((await signOff(trainer, two.id)).errors).toBeUndefined();

    const decided = await outcomes(session.id);
    const scheduled = 360;
    expect(Object.fromEntries([...decided].map(([id, o]) => [id, [o.outcome, o.minutesAttended, o.minutesScheduled]]))).toEqual({
      [ada.id]: [CourseOutcome.ATTENDED, 360, scheduled],
      [ben.id]: [CourseOutcome.ATTENDED, 315, scheduled],
      [cat.id]: [CourseOutcome.PARTLY_ATTENDED, 180, scheduled],
      [dan.id]: [CourseOutcome.ABSENT_WITH_APOLOGY, 0, scheduled],
      [eve.id]: [CourseOutcome.DID_NOT_ATTEND, 0, scheduled],
      [lateCancel.id]: [CourseOutcome.LATE_CANCELLATION, 0, scheduled],
    });
    expect(decided.has(earlyCancel.id)).toBe(false);

    // Cat was there on day two after all: corrected, her outcome is rewritten; nobody else's changes
    at(two.startsAt, 3 * 24 * HOUR);
    const catTwo = (await register(two.id, ctx.coordinator)).entries.find((e) => e.bookingId === cat.id)!;
    expect(catTwo).toMatchObject({ mark: 'DID_NOT_ATTEND', source: 'SIGN_OFF' });
    await marked(ctx.coordinator, {
      partId: two.id,
      bookingId: cat.id,
      mark: AttendanceMark.PRESENT,
      basedOnEventId: catTwo.eventId,
      reason: 'Signed the paper sheet on day two',
    });
    const rewritten = await outcomes(session.id);
    expect(rewritten.get(cat.id)).toMatchObject({ outcome: CourseOutcome.ATTENDED, minutesAttended: 360 });
    expect(rewritten.get(cat.id)!.decidedAt.getTime()).toBe(two.startsAt.getTime() + 3 * 24 * HOUR);
    expect(rewritten.get(ada.id)!.decidedAt).toEqual(decided.get(ada.id)!.decidedAt);

    // and Ben's day two taken down to not attending: partly attended under "attend every part"
    await marked(ctx.coordinator, {
      partId: two.id,
      bookingId: ben.id,
      mark: AttendanceMark.DID_NOT_ATTEND,
      basedOnEventId: benTwo,
      reason: 'Left before the first break',
    });
    expect((await outcomes(session.id)).get(ben.id)).toMatchObject({ outcome: CourseOutcome.PARTLY_ATTENDED, minutesAttended: 150 });
  });

  it('decides "attend a share of the time" from the minutes there, late and left early taken off', async () => {
    const names = ['Ada Allday', 'Ben Bitlate', 'Cat Leftearly', 'Dan Dayone'];
    const {
      session,
      parts,
      trainerCookie: trainer,
      bookings,
    } = await scenario(names, {
      parts: 2,
      rule: AttendanceRule.SHARE_OF_TIME,
      percent: 75,
    });
    const [ada, ben, cat, dan] = bookings as [(typeof bookings)[0], (typeof bookings)[0], (typeof bookings)[0], (typeof bookings)[0]];
    const [one, two] = parts as [(typeof parts)[0], (typeof parts)[0]];
    at(two.startsAt, HOUR);
    for (const b of bookings) {
      await marked(trainer, { partId: one.id, bookingId: b.id, mark: AttendanceMark.PRESENT });
    }
    await marked(trainer, { partId: two.id, bookingId: ada.id, mark: AttendanceMark.PRESENT });
    await marked(trainer, { partId: two.id, bookingId: ben.id, mark: AttendanceMark.LATE, minutes: 90 }); // 270 of 360: exactly 75 %
    const catTwo = await marked(trainer, { partId: two.id, bookingId: cat.id, mark: AttendanceMark.LEFT_EARLY, minutes: 91 }); // 269
    await marked(trainer, { partId: two.id, bookingId: dan.id, mark: AttendanceMark.ABSENT_WITH_APOLOGY });
    for (const p of parts) {
      expect((await signOff(trainer, p.id)).errors).toBeUndefined();
    }
    const decided = await outcomes(session.id);
    expect([ada, ben, cat, dan].map((b) => [decided.get(b.id)!.outcome, decided.get(b.id)!.minutesAttended])).toEqual([
      [CourseOutcome.ATTENDED, 360],
      [CourseOutcome.ATTENDED, 270],
      [CourseOutcome.PARTLY_ATTENDED, 269],
      [CourseOutcome.PARTLY_ATTENDED, 180],
    ]);

    at(two.startsAt, 2 * HOUR);
    await marked(ctx.coordinator, {
      partId: two.id,
      bookingId: cat.id,
      mark: AttendanceMark.LEFT_EARLY,
      minutes: 30,
      basedOnEventId: catTwo,
      reason: 'She left at 4pm, not 3pm',
    });
    expect((await outcomes(session.id)).get(cat.id)).toMatchObject({ outcome: CourseOutcome.ATTENDED, minutesAttended: 330 });
  });
});
