import { randomUUID } from 'node:crypto';
import { CHECK_IN_CODE_SECONDS, CheckInRequestStatus, MarkSource, SessionStatus } from '@lh/domain';
import { aPerson, aSession } from '../../test/builders';
import { gql, signInAs, startTestApi, type TestApi } from '../../test/test-db';
import { Booking } from '../booking/booking.entity';
import { Clock } from '../common/clock';
import { Session } from '../scheduling/session.entity';
import { AttendanceEvent } from './attendance-event.entity';
import { CheckInRequest } from './check-in-request.entity';
import {
  CHECK_IN,
  DISMISS,
  MARK,
  REGISTER,
  REQUESTS,
  SCREEN,
  aBooked,
  aTrainedSession,
  addWalkIn,
  atPartStart,
  codeAt,
  errorOf,
  type TrainedSession,
} from './walk-in-test-support';

type CheckInData = {
  checkIn: { outcome: string; replayed: boolean; message: string; courseTitle: string; partNumber: number; partCount: number };
};
type ScreenData = {
  checkInScreen: {
    code: string | null;
    url: string | null;
    qrSvg: string | null;
    unavailableReason: string | null;
    windowState: string;
    secondsUntilChange: number;
    present: number;
    checkedIn: number;
    booked: number;
    pendingRequests: number;
  };
};

/** Self check-in with the code on the trainer's screen, over the real API on a real PostgreSQL. */
describe('self check-in (real API, real PostgreSQL)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ webOrigin: 'https://learninghub.example.org', sessionTtlHours: 24 * 30 });
  });
  afterAll(() => api.close());
  afterEach(() => api.app.get(Clock).fixAt(null));

  const em = () => api.orm.em.fork();
  const checkIn = (cookie: string, code: string, clientId = randomUUID()) =>
    gql<CheckInData>(api.url, CHECK_IN, { input: { code, clientId } }, cookie);
  const screen = (t: TrainedSession, cookie = t.trainerCookie) => gql<ScreenData>(api.url, SCREEN, { partId: t.part.id }, cookie);
  const marks = (bookingId: string) => em().find(AttendanceEvent, { booking: bookingId }, { populate: ['actor'], orderBy: { at: 'asc' } });

  it('marks someone present on their own place with the code on the screen (SELF_CHECK_IN), typed in any case and spacing', async () => {
    const t = await aTrainedSession(api, { title: 'Professional Curiosity' });
    const { person, booking, cookie } = await aBooked(api, t.session, { name: 'Priya Shah' });
    atPartStart(api, t.part, -10);

    const shown = (await screen(t)).data!.checkInScreen;
    expect(shown).toMatchObject({ windowState: 'OPEN', unavailableReason: null, present: 0, booked: 1, pendingRequests: 0 });
    expect(shown.code).toMatch(/^[2-9A-HJ-NP-Z]{6}$/);
    expect(shown.url).toBe(`https://learninghub.example.org/check-in/${shown.code}`);
    expect(shown.qrSvg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(shown.secondsUntilChange).toBeGreaterThanOrEqual(1);
    expect(shown.secondsUntilChange).toBeLessThanOrEqual(CHECK_IN_CODE_SECONDS);
    // people cannot see the screen
    expect(errorOf(await screen(t, cookie)).code).toBe('NOT_ALLOWED');

    const typed = `${shown.code!.slice(0, 3).toLowerCase()} ${shown.code!.slice(3)}`;
    const res = await checkIn(cookie, typed);
    expect(res.errors).toBeUndefined();
    expect(res.data!.checkIn).toMatchObject({ outcome: 'CHECKED_IN', replayed: false, courseTitle: 'Professional Curiosity' });
    expect(res.data!.checkIn.message).toMatch(/^You're checked in to Professional Curiosity, \w+day \d+ \w+ \d{4}, /);
    const [event] = await marks(booking.id);
    expect([event!.mark, event!.source, event!.actor?.id, event!.previousMark ?? null]).toEqual([
      'PRESENT',
      MarkSource.SELF_CHECK_IN,
      person.id,
      null,
    ]);
    const register = await gql<{ register: { entries: { personId: string; mark: string; source: string }[] } }>(
      api.url,
      REGISTER,
      { partId: t.part.id },
      t.trainerCookie,
    );
    expect(register.data!.register.entries).toEqual([
      expect.objectContaining({ personId: person.id, mark: 'PRESENT', source: 'SELF_CHECK_IN' }),
    ]);
    expect((await screen(t)).data!.checkInScreen).toMatchObject({ present: 1, checkedIn: 1 });
  });

  it('accepts the code of the slot before (someone typing as it changed), and refuses one two slots old as expired', async () => {
    const t = await aTrainedSession(api);
    const first = await aBooked(api, t.session);
    const second = await aBooked(api, t.session);
    const now = atPartStart(api, t.part, 1);

    expect((await checkIn(first.cookie, codeAt(api, t.part, now, 1))).data!.checkIn.outcome).toBe('CHECKED_IN');
    const old = await checkIn(second.cookie, codeAt(api, t.part, now, 2));
    expect(errorOf(old)).toEqual({
      code: 'CHECK_IN_CODE_EXPIRED',
      message: 'That code has expired: the code changes every 20 seconds. Scan the code on the screen again, or type the one it shows now.',
    });
    expect(await marks(second.booking.id)).toEqual([]);
  });

  it('refuses a made-up code, a code of the next slot and something that is not a code, changing nothing', async () => {
    const t = await aTrainedSession(api);
    const { booking, cookie } = await aBooked(api, t.session);
    const now = atPartStart(api, t.part);
    const notRight = {
      code: 'CHECK_IN_CODE_INVALID',
      message: 'That code is not right or has expired: ask the trainer for the code on the screen now.',
    };
    const real = codeAt(api, t.part, now);
    const forged = real.startsWith('A') ? `B${real.slice(1)}` : `A${real.slice(1)}`;
    expect(errorOf(await checkIn(cookie, forged))).toEqual(notRight);
    expect(errorOf(await checkIn(cookie, codeAt(api, t.part, now, -1)))).toEqual(notRight);
    expect(errorOf(await checkIn(cookie, 'K7M4Q0'))).toEqual(notRight);
    expect(errorOf(await checkIn(cookie, "'; drop table booking; --"))).toEqual(notRight);
    expect(await marks(booking.id)).toEqual([]);
    expect(errorOf(await gql(api.url, CHECK_IN, { input: { code: real, clientId: randomUUID() } })).code).toBe('UNAUTHENTICATED');
  });

  it('says when check-in is not open yet or has closed, and the screen shows no code then', async () => {
    const t = await aTrainedSession(api);
    const { booking, cookie } = await aBooked(api, t.session);
    const early = atPartStart(api, t.part, -16);
    const notYet = await checkIn(cookie, codeAt(api, t.part, early));
    expect(errorOf(notYet).code).toBe('REGISTER_NOT_OPEN');
    expect(errorOf(notYet).message).toMatch(
      /^Check-in for .+ is not open yet: it opens at \d+(:\d\d)?[ap]m on \w+day .+, 15 minutes before it starts\.$/,
    );
    expect((await screen(t)).data!.checkInScreen).toMatchObject({
      code: null,
      qrSvg: null,
      windowState: 'NOT_OPEN',
      unavailableReason: notYet.errors![0]!.message,
    });

    const late = new Date(t.part.endsAt.getTime() + 48 * 3_600_000 + 60_000);
    api.app.get(Clock).fixAt(late);
    const closed = await checkIn(cookie, codeAt(api, t.part, late));
    expect(errorOf(closed).code).toBe('REGISTER_CLOSED');
    expect(errorOf(closed).message).toMatch(/^Check-in for .+ has closed: it closed at /);
    expect(await marks(booking.id)).toEqual([]);
  });

  it('says "already checked in" the second time, and a replay with the same client id counts once', async () => {
    const t = await aTrainedSession(api);
    const { booking, cookie } = await aBooked(api, t.session);
    const now = atPartStart(api, t.part);
    const clientId = randomUUID();
    expect((await checkIn(cookie, codeAt(api, t.part, now), clientId)).data!.checkIn.replayed).toBe(false);
    const replay = await checkIn(cookie, codeAt(api, t.part, now), clientId);
    expect(replay.data!.checkIn).toMatchObject({ outcome: 'CHECKED_IN', replayed: true });
    const again = await checkIn(cookie, codeAt(api, t.part, now));
    expect(errorOf(again)).toEqual({ code: 'ALREADY_CHECKED_IN', message: `You are already checked in to ${t.course.title}.` });
    expect(await marks(booking.id)).toHaveLength(1);
  });

  it("never overrides the trainer's mark", async () => {
    const t = await aTrainedSession(api);
    const { booking, cookie } = await aBooked(api, t.session);
    const now = atPartStart(api, t.part, 20);
    const marked = await gql(
      api.url,
      MARK,
      { input: { clientId: randomUUID(), partId: t.part.id, bookingId: booking.id, mark: 'LATE', minutes: 20 } },
      t.trainerCookie,
    );
    expect(marked.errors).toBeUndefined();
    const res = await checkIn(cookie, codeAt(api, t.part, now));
    expect(errorOf(res)).toEqual({ code: 'ALREADY_MARKED', message: 'The trainer has already marked you on the register: speak to them.' });
    expect((await marks(booking.id)).map((m) => [m.mark, m.source])).toEqual([['LATE', MarkSource.TRAINER]]);
  });

  it('tells someone booked on another date of the course which date their place is on', async () => {
    const t = await aTrainedSession(api, { title: 'Safer sleep' });
    const tomorrow = await aSession(em(), t.course, { inDays: 1 + 1 / 24 });
    const { person, cookie } = await aBooked(api, tomorrow);
    const now = atPartStart(api, t.part);
    const res = await checkIn(cookie, codeAt(api, t.part, now));
    expect(errorOf(res).code).toBe('CHECK_IN_WRONG_SESSION');
    expect(errorOf(res).message).toMatch(/^This code is for Safer sleep on \w+day \d+ \w+ \d{4}; your place is on \w+day \d+ \w+ \d{4}\. /);
    expect(await em().count(CheckInRequest, { person: person.id })).toBe(0);
  });

  it('asks the trainer to add someone with no place (once however often they scan); accepting adds them as a walk-in', async () => {
    const t = await aTrainedSession(api);
    const walker = await aPerson(em(), { name: 'Wes Walker', agency: t.agency });
    const walkerCookie = await signInAs(api.url, walker);
    const now = atPartStart(api, t.part);
    const clientId = randomUUID();
    const first = await checkIn(walkerCookie, codeAt(api, t.part, now), clientId);
    expect(first.data!.checkIn).toMatchObject({
      outcome: 'REQUESTED',
      replayed: false,
      message: 'You are not booked on this session. The trainer has been asked to add you.',
    });
    expect((await checkIn(walkerCookie, codeAt(api, t.part, now), clientId)).data!.checkIn).toMatchObject({
      outcome: 'REQUESTED',
      replayed: true,
    });
    expect((await checkIn(walkerCookie, codeAt(api, t.part, now))).data!.checkIn.replayed).toBe(true);
    expect(await em().count(CheckInRequest, { part: t.part.id })).toBe(1);
    expect(await em().count(Booking, { person: walker.id })).toBe(0);

    const listed = await gql<{ checkInRequests: { id: string; personId: string; name: string; email: string }[] }>(
      api.url,
      REQUESTS,
      { partId: t.part.id },
      t.trainerCookie,
    );
    expect(listed.data!.checkInRequests).toEqual([
      expect.objectContaining({ personId: walker.id, name: 'Wes Walker', email: walker.email }),
    ]);
    expect((await screen(t)).data!.checkInScreen.pendingRequests).toBe(1);

    const accepted = await addWalkIn(api, t.trainerCookie, { clientId: randomUUID(), partId: t.part.id, personId: walker.id });
    expect(accepted.data!.addWalkIn.entry).toMatchObject({ personId: walker.id, walkIn: true, mark: 'PRESENT' });
    const request = await em().findOneOrFail(CheckInRequest, { part: t.part.id, person: walker.id });
    expect([request.status, request.decidedBy?.id]).toEqual([CheckInRequestStatus.ACCEPTED, t.trainer.id]);
    expect(
      (await gql<{ checkInRequests: unknown[] }>(api.url, REQUESTS, { partId: t.part.id }, t.trainerCookie)).data!.checkInRequests,
    ).toEqual([]);
    // now on the register, present
    expect(errorOf(await checkIn(walkerCookie, codeAt(api, t.part, now))).code).toBe('ALREADY_CHECKED_IN');
  });

  it('lets the trainer dismiss a request; the person is told to speak to them', async () => {
    const t = await aTrainedSession(api);
    const stranger = await aPerson(em());
    const cookie = await signInAs(api.url, stranger);
    const now = atPartStart(api, t.part);
    await checkIn(cookie, codeAt(api, t.part, now));
    const [request] = (await gql<{ checkInRequests: { id: string }[] }>(api.url, REQUESTS, { partId: t.part.id }, t.trainerCookie)).data!
      .checkInRequests;
    expect((await gql<{ dismissCheckInRequest: unknown[] }>(api.url, DISMISS, { requestId: request!.id }, t.trainerCookie)).data).toEqual({
      dismissCheckInRequest: [],
    });
    expect(errorOf(await gql(api.url, DISMISS, { requestId: request!.id }, t.trainerCookie)).code).toBe('ALREADY_DECIDED');
    expect(errorOf(await checkIn(cookie, codeAt(api, t.part, now)))).toEqual({
      code: 'NOT_ALLOWED',
      message: 'You are not booked on this session, and the trainer did not add you: speak to them.',
    });
    expect(await em().count(Booking, { person: stranger.id })).toBe(0);
  });

  it('refuses check-in to a cancelled session and to the session’s own trainer', async () => {
    const t = await aTrainedSession(api);
    const { cookie } = await aBooked(api, t.session);
    const now = atPartStart(api, t.part);
    expect(errorOf(await checkIn(t.trainerCookie, codeAt(api, t.part, now))).code).toBe('NOT_ALLOWED');
    const e = em();
    (await e.findOneOrFail(Session, t.session.id)).status = SessionStatus.CANCELLED;
    await e.flush();
    expect(errorOf(await checkIn(cookie, codeAt(api, t.part, now))).code).toBe('SESSION_CANCELLED');
    expect((await screen(t)).data!.checkInScreen.code).toBeNull();
  });

  it('checks in to the right part of a two-part session', async () => {
    const t = await aTrainedSession(api, { parts: 2 });
    const { booking, cookie } = await aBooked(api, t.session);
    const second = t.parts[1]!;
    const now = atPartStart(api, second, -5);
    const res = await checkIn(cookie, codeAt(api, second, now));
    expect(res.data!.checkIn).toMatchObject({ outcome: 'CHECKED_IN', partNumber: 2, partCount: 2 });
    expect((await marks(booking.id)).map((m) => m.part.id)).toEqual([second.id]);
  });
});
