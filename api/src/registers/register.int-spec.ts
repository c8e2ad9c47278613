// Registers (1 of 2): who may mark, when, what a mark may say, and marks from devices that retry, replay
// or race each other. Sign-off, mark-all and course outcomes are in register-sign-off.int-spec.ts.
import { AttendanceMark, BookingStatus, MarkSource, SessionStatus, formatLondonDateTime, formatLondonTime } from '@lh/domain';
import { randomUUID } from 'node:crypto';
import { aPerson } from '../../test/builders';
import { gql, signInAs } from '../../test/test-db';
import { Person } from '../people/person.entity';
import { Session } from '../scheduling/session.entity';
import { MINUTE, REGISTER, code, fields, message, useRegisterApi, type MarkResult } from './register-test-support';

const HOUR = 60 * MINUTE;

describe('registers: marking (real API, real PostgreSQL)', () => {
  const ctx = useRegisterApi();
  const { at, scenario, booking, register, mark, marked, markAll, signOff, events, trainerCookie } = ctx;

  it("shows and takes marks only from the session's own trainers and the training team", async () => {
    const { parts, trainerCookie: trainer, bookings } = await scenario(['Pat Person']);
    const part = parts[0]!;
    at(part.startsAt);
    const other = await trainerCookie('Olu Othertrainer');
    const practitioner = await signInAs(
      ctx.api.url,
      await aPerson(ctx.em(), { name: 'Priya Practitioner', password: 'practitioner-pw-1' }),
    );

    for (const cookie of [other.cookie, practitioner]) {
      const seen = await gql(ctx.api.url, REGISTER, { p: part.id }, cookie);
      expect(code(seen)).toBe('NOT_ALLOWED');
      const marking = await mark(cookie, { partId: part.id, bookingId: bookings[0]!.id, mark: AttendanceMark.PRESENT });
      expect(code(marking)).toBe('NOT_ALLOWED');
    }
    expect(message(await gql(ctx.api.url, REGISTER, { p: part.id }, other.cookie))).toBe(
      "Only this session's trainers and the training team can see or mark its register.",
    );
    expect(await events(part.id)).toHaveLength(0);

    const own = await register(part.id, trainer);
    expect(own).toMatchObject({ partNumber: 1, partCount: 1, windowState: 'OPEN', canMark: true, cannotMarkReason: null });
    expect(own.venue?.name).toMatch(/^Venue /);
    expect(own.entries.map((e) => e.name)).toEqual(['Pat Person']);
    expect((await register(part.id, ctx.coordinator)).entries).toHaveLength(1);
    expect(code(await gql(ctx.api.url, REGISTER, { p: randomUUID() }, trainer))).toBe('NOT_FOUND');
  });

  it('opens 15 minutes before the part, and closes for trainers 48 hours after it ends: then only a coordinator corrects, with a reason', async () => {
    const { parts, trainerCookie: trainer, bookings } = await scenario(['Pat Person', 'Sam Second']);
    const part = parts[0]!;
    const [pat, sam] = bookings as [(typeof bookings)[0], (typeof bookings)[0]];
    const opensAt = new Date(part.startsAt.getTime() - 15 * MINUTE);
    const closesAt = new Date(part.endsAt.getTime() + 48 * HOUR);

    at(opensAt, -1);
    const early = await register(part.id, trainer);
    expect(early).toMatchObject({ windowState: 'NOT_OPEN', canMark: false, opensAt: opensAt.toISOString() });
    const notOpen = `This register opens at ${formatLondonDateTime(opensAt)}, 15 minutes before the session starts.`;
    expect(early.cannotMarkReason).toBe(notOpen);
    for (const cookie of [trainer, ctx.coordinator]) {
      const refused = await mark(cookie, { partId: part.id, bookingId: pat.id, mark: AttendanceMark.PRESENT });
      expect([code(refused), message(refused)]).toEqual(['REGISTER_NOT_OPEN', notOpen]);
    }
    expect(await events(part.id)).toHaveLength(0);

    at(opensAt);
    const patPresent = await marked(trainer, { partId: part.id, bookingId: pat.id, mark: AttendanceMark.PRESENT });
    at(closesAt);
    expect((await register(part.id, trainer)).windowState).toBe('OPEN');
    const patApology = await marked(trainer, {
      partId: part.id,
      bookingId: pat.id,
      mark: AttendanceMark.ABSENT_WITH_APOLOGY,
      basedOnEventId: patPresent,
    });

    at(closesAt, 1);
    const closed = await register(part.id, trainer);
    expect(closed).toMatchObject({ windowState: 'CLOSED', canMark: false, changesNeedReason: false });
    const closedMessage = `The time for marking this register ended at ${formatLondonDateTime(closesAt)}. Ask the training team to correct it.`;
    expect(closed.cannotMarkReason).toBe(closedMessage);
    const late = await mark(trainer, { partId: part.id, bookingId: sam.id, mark: AttendanceMark.PRESENT });
    expect([code(late), message(late)]).toEqual(['REGISTER_CLOSED', closedMessage]);
    expect(code(await markAll(trainer, part.id))).toBe('REGISTER_CLOSED');

    expect(await register(part.id, ctx.coordinator)).toMatchObject({ windowState: 'CLOSED', canMark: true, changesNeedReason: true });
    const noReason = await mark(ctx.coordinator, {
      partId: part.id,
      bookingId: pat.id,
      mark: AttendanceMark.PRESENT,
      basedOnEventId: patApology,
    });
    expect(fields(noReason)).toEqual([{ field: 'input.reason', message: 'Enter the reason for the correction' }]);
    const blank = await mark(ctx.coordinator, {
      partId: part.id,
      bookingId: pat.id,
      mark: AttendanceMark.PRESENT,
      basedOnEventId: patApology,
      reason: '   ',
    });
    expect(fields(blank)).toEqual([{ field: 'input.reason', message: 'Enter the reason for the correction' }]);
    expect(await events(part.id)).toHaveLength(2);

    await marked(ctx.coordinator, {
      partId: part.id,
      bookingId: pat.id,
      mark: AttendanceMark.PRESENT,
      basedOnEventId: patApology,
      reason: 'The sign-in sheet shows Pat arrived on time',
    });
    const last = (await events(part.id)).at(-1)!;
    expect(last).toMatchObject({
      mark: AttendanceMark.PRESENT,
      previousMark: AttendanceMark.ABSENT_WITH_APOLOGY,
      source: MarkSource.CORRECTION,
      reason: 'The sign-in sheet shows Pat arrived on time',
    });
  });

  it('takes minutes only for late or left early, from 1 to one less than the length of the part, and writes nothing it refuses', async () => {
    const { parts, trainerCookie: trainer, bookings } = await scenario(['Pat Person']);
    const part = parts[0]!; // 3 hours
    const bookingId = bookings[0]!.id;
    at(part.startsAt);
    const problem = async (input: Record<string, unknown>) => fields(await mark(trainer, { partId: part.id, bookingId, ...input }));

    expect(await problem({ mark: AttendanceMark.LATE })).toEqual([
      { field: 'input.minutes', message: 'Enter how many minutes late they arrived' },
    ]);
    expect(await problem({ mark: AttendanceMark.LEFT_EARLY })).toEqual([
      { field: 'input.minutes', message: 'Enter how many minutes early they left' },
    ]);
    for (const minutes of [0, -5, 180, 400]) {
      expect(await problem({ mark: AttendanceMark.LATE, minutes })).toEqual([
        { field: 'input.minutes', message: 'Enter how many minutes late they arrived as a whole number from 1 to 179' },
      ]);
    }
    for (const m of [AttendanceMark.PRESENT, AttendanceMark.ABSENT_WITH_APOLOGY, AttendanceMark.DID_NOT_ATTEND, null]) {
      expect(await problem({ mark: m, minutes: 10 })).toEqual([
        { field: 'input.minutes', message: 'Minutes are only for people who arrived late or left early' },
      ]);
    }
    expect(await problem({ mark: AttendanceMark.PRESENT, note: 'x'.repeat(501) })).toEqual([
      { field: 'input.note', message: 'The note must be 500 characters or fewer' },
    ]);
    expect(await events(part.id)).toHaveLength(0);

    const res = await mark(trainer, { partId: part.id, bookingId, mark: AttendanceMark.LATE, minutes: 179, note: '  Train delayed  ' });
    expect(res.data!.markAttendance.entry).toMatchObject({
      mark: 'LATE',
      minutes: 179,
      note: 'Train delayed',
      source: 'TRAINER',
      markedByName: 'Tariq Trainer',
    });
  });

  it('lists and takes marks only for confirmed places on this session, and shows walk-ins', async () => {
    const { session, parts, trainerCookie: trainer, bookings } = await scenario(['Pat Person']);
    const part = parts[0]!;
    at(part.startsAt);
    const waiting = await booking(session, 'Wendy Waiting', { status: BookingStatus.WAITLISTED });
    const cancelled = await booking(session, 'Colin Cancelled', { status: BookingStatus.CANCELLED });
    const walkIn = await booking(session, 'Wally Walkin', { walkIn: true });
    const elsewhere = await scenario(['Eve Elsewhere']);

    const seen = await register(part.id, trainer);
    expect(seen.entries.map((e) => [e.name, e.walkIn])).toEqual([
      ['Pat Person', false],
      ['Wally Walkin', true],
    ]);
    expect(seen.counts.notMarked).toBe(2);
    for (const bookingId of [waiting.id, cancelled.id, elsewhere.bookings[0]!.id, randomUUID()]) {
      const refused = await mark(trainer, { partId: part.id, bookingId, mark: AttendanceMark.PRESENT });
      expect(code(refused)).toBe('NOT_FOUND');
      expect(fields(refused)).toEqual([
        { field: 'input.bookingId', message: 'That person does not have a confirmed place on this session' },
      ]);
    }
    expect(await events(part.id)).toHaveLength(0);
    await marked(trainer, { partId: part.id, bookingId: walkIn.id, mark: AttendanceMark.PRESENT });
    await marked(trainer, { partId: part.id, bookingId: bookings[0]!.id, mark: AttendanceMark.PRESENT });
    expect((await register(part.id, trainer)).counts.present).toBe(2);
  });

  it('counts a mark sent again once: replayed marks change nothing, even after the register is signed off', async () => {
    const { parts, trainerCookie: trainer, bookings } = await scenario(['Pat Person', 'Sam Second', 'Tom Third']);
    const part = parts[0]!;
    at(part.startsAt);
    const sent = bookings.map((b, i) => ({
      clientId: randomUUID(),
      partId: part.id,
      bookingId: b.id,
      mark: i === 1 ? AttendanceMark.LATE : AttendanceMark.PRESENT,
      minutes: i === 1 ? 12 : null,
    }));
    for (const input of sent) {
      expect((await mark(trainer, input)).data!.markAttendance).toMatchObject({ applied: true, replayed: false });
    }
    const before = await events(part.id);
    expect(before).toHaveLength(3);
    // the same marks again, twice over (a device that never heard the answers)
    for (let round = 0; round < 2; round++) {
      for (const input of sent) {
        const again = (await mark(trainer, input)).data!.markAttendance;
        expect(again).toMatchObject({ applied: true, replayed: true, conflict: null });
        expect(again.entry.eventId).toBe(before.find((e) => e.booking.id === input.bookingId)!.id);
      }
    }
    expect(await events(part.id)).toHaveLength(3);

    // a client id already used for someone else is refused, not applied to them
    const reused = await mark(trainer, { ...sent[0]!, bookingId: bookings[2]!.id, mark: AttendanceMark.DID_NOT_ATTEND });
    expect(code(reused)).toBe('IDEMPOTENCY_CONFLICT');

    // "mark everyone" sent twice with one id marks nobody the second time, even someone taken back in between
    const tom = bookings[2]!.id;
    const tomsMark = () => register(part.id, trainer).then((r) => r.entries.find((en) => en.bookingId === tom)!.eventId);
    await marked(trainer, { partId: part.id, bookingId: tom, mark: null, basedOnEventId: await tomsMark() });
    const all = randomUUID();
    expect((await markAll(trainer, part.id, all)).data!.markAllPresent.counts).toMatchObject({ present: 2, late: 1, notMarked: 0 });
    await marked(trainer, { partId: part.id, bookingId: tom, mark: null, basedOnEventId: await tomsMark() });
    const count = (await events(part.id)).length;
    expect((await markAll(trainer, part.id, all)).data!.markAllPresent.counts).toMatchObject({ present: 1, notMarked: 1 });
    expect(await events(part.id)).toHaveLength(count);

    // after sign-off, a replay is still answered as done (its first answer was lost), while a new mark is refused
    expect((await signOff(trainer, part.id)).errors).toBeUndefined();
    expect((await mark(trainer, sent[1]!)).data!.markAttendance).toMatchObject({ applied: true, replayed: true });
    expect(code(await mark(trainer, { ...sent[1]!, clientId: randomUUID() }))).toBe('REGISTER_SIGNED_OFF');
    expect((await markAll(trainer, part.id, all)).errors).toBeUndefined();
  });

  it('shows a mark made on another device as a conflict and applies nothing, until the device marks on the mark it has seen', async () => {
    const { parts, trainerCookie: deviceA, bookings } = await scenario(['Pat Person']);
    const part = parts[0]!;
    const bookingId = bookings[0]!.id;
    at(part.startsAt, 5 * MINUTE);
    const deviceB = deviceA; // the same trainer on a tablet and a phone: devices are told apart only by what they saw
    const first = await marked(deviceA, { partId: part.id, bookingId, mark: AttendanceMark.PRESENT });

    const stale = await mark(deviceB, { partId: part.id, bookingId, mark: AttendanceMark.LATE, minutes: 10 });
    const result = stale.data!.markAttendance;
    expect(result).toMatchObject({ applied: false, replayed: false, entry: { mark: 'PRESENT', eventId: first } });
    expect(result.conflict).toBe(
      `Tariq Trainer marked Pat Person present at ${formatLondonTime(new Date(part.startsAt.getTime() + 5 * MINUTE))} on another device. Check and mark again if that is wrong.`,
    );
    expect(await events(part.id)).toHaveLength(1);

    // the same value as the current mark is no conflict and writes nothing
    expect((await mark(deviceB, { partId: part.id, bookingId, mark: AttendanceMark.PRESENT })).data!.markAttendance).toMatchObject({
      applied: true,
      conflict: null,
      entry: { eventId: first },
    });
    expect(await events(part.id)).toHaveLength(1);

    // marked on the mark it now has seen: applied
    const second = await marked(deviceB, { partId: part.id, bookingId, mark: AttendanceMark.LATE, minutes: 10, basedOnEventId: first });
    expect(await register(part.id, deviceA)).toMatchObject({ entries: [{ mark: 'LATE', minutes: 10, eventId: second }] });

    // device A, still on the first mark, takes it back: a conflict; and a take-back seen by the other device is named so
    const back = (await mark(deviceA, { partId: part.id, bookingId, mark: null, basedOnEventId: first })).data!.markAttendance;
    expect(back).toMatchObject({ applied: false, entry: { mark: 'LATE', eventId: second } });
    const gone = await marked(deviceA, { partId: part.id, bookingId, mark: null, basedOnEventId: second });
    const onB = (await mark(deviceB, { partId: part.id, bookingId, mark: AttendanceMark.PRESENT, basedOnEventId: second })).data!
      .markAttendance;
    expect(onB).toMatchObject({ applied: false, entry: { mark: null, eventId: gone } });
    expect(onB.conflict).toBe("Pat Person's mark was taken back by Tariq Trainer on another device. Check and mark again.");
  });

  it('takes many marks on one part from two people at once without losing one or deadlocking', async () => {
    const names = Array.from({ length: 40 }, (_, i) => `Person ${String(i).padStart(2, '0')}`);
    const { session, parts, trainerCookie: first, bookings } = await scenario(names);
    const part = parts[0]!;
    const second = await trainerCookie('Sina Secondtrainer');
    const e = ctx.em();
    (await e.findOneOrFail(Session, session.id, { populate: ['trainers'] })).trainers.add(e.getReference(Person, second.person.id));
    await e.flush();
    at(part.startsAt);

    // people 0-19: both mark at once, each on nothing seen (exactly one wins each, the other hears of it);
    // people 20-39: one or the other marks, all at once, with the coordinator marking everyone left at the same time
    const racing = bookings
      .slice(0, 20)
      .flatMap((b) => [
        mark(first, { partId: part.id, bookingId: b.id, mark: AttendanceMark.PRESENT }),
        mark(second.cookie, { partId: part.id, bookingId: b.id, mark: AttendanceMark.LATE, minutes: 5 }),
      ]);
    const single = bookings
      .slice(20)
      .map((b, i) => mark(i % 2 ? first : second.cookie, { partId: part.id, bookingId: b.id, mark: AttendanceMark.DID_NOT_ATTEND }));
    const [raced, singles, all] = await Promise.all([Promise.all(racing), Promise.all(single), markAll(ctx.coordinator, part.id)]);
    for (const res of [...raced, ...singles, all]) {
      expect(res.errors).toBeUndefined();
    }
    const results = raced.map((r) => (r.data as { markAttendance: MarkResult }).markAttendance);
    for (let i = 0; i < 20; i++) {
      const pair = [results[2 * i]!, results[2 * i + 1]!];
      expect(pair.filter((r) => r.applied)).toHaveLength(1);
      expect(pair.filter((r) => r.conflict)).toHaveLength(1);
    }
    const written = await events(part.id);
    const register_ = await register(part.id, first);
    // one event per person: the race winner for 0-19; for 20-39 whichever of their mark and "mark everyone" came first
    expect(written).toHaveLength(40);
    expect(new Set(written.map((ev) => ev.booking.id)).size).toBe(40);
    expect(register_.counts.notMarked).toBe(0);
    for (const entry of register_.entries) {
      expect(entry.eventId).toBe(written.find((ev) => ev.booking.id === entry.bookingId)!.id);
    }
  });

  it('refuses marks on a cancelled session', async () => {
    const { session, parts, trainerCookie: trainer, bookings } = await scenario(['Pat Person']);
    await ctx.em().nativeUpdate(Session, { id: session.id }, { status: SessionStatus.CANCELLED });
    at(parts[0]!.startsAt);
    const refused = await mark(trainer, { partId: parts[0]!.id, bookingId: bookings[0]!.id, mark: AttendanceMark.PRESENT });
    expect([code(refused), message(refused)]).toEqual([
      'SESSION_CANCELLED',
      'This session has been cancelled, so its register cannot be marked.',
    ]);
    expect((await register(parts[0]!.id, trainer)).cannotMarkReason).toBe(
      'This session has been cancelled, so its register cannot be marked.',
    );
  });
});
