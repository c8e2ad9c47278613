import { randomUUID } from 'node:crypto';
import {
  AgencyRequestKind,
  AgencyRequestStatus,
  AttendanceMark,
  BookingStatus,
  CheckInRequestStatus,
  CourseOutcome,
  MarkSource,
  Role,
  registerCounts,
} from '@lh/domain';
import { aCourse, aPerson, aSession, anAgency } from '../../test/builders';
import { gql, signInAs, startTestApi, type TestApi } from '../../test/test-db';
import { AccountToken, AccountTokenPurpose } from '../auth/account-token.entity';
import { AccountTokenService } from '../auth/account-token.service';
import { AuthSession } from '../auth/auth-session.entity';
import { Booking } from '../booking/booking.entity';
import { BookingEvent } from '../booking/booking-event.entity';
import { CalendarFeed } from '../calendar/calendar-feed.entity';
import { Person } from './person.entity';
import { AgencyRequest } from './agency-request.entity';
import { SessionPart } from '../scheduling/session-part.entity';
import { AttendanceEvent } from '../registers/attendance-event.entity';
import { AttendanceOutcome } from '../registers/attendance-outcome.entity';
import { RegisterSignOff } from '../registers/register-sign-off.entity';
import { CheckInRequest } from '../registers/check-in-request.entity';

const PREVIEW = `query($keepId: ID!, $mergeId: ID!) { mergePreview(keepId: $keepId, mergeId: $mergeId) {
  keep { email } mergeAway { email } bookingsMoved actionsMoved signedInSessionsMoved trainerAssignmentsMoved
  duplicates { courseTitle keptStatus cancelledStatus keptFrom } rolesAfter statusAfter notes } }`;
const MERGE = `mutation($keepId: ID!, $mergeId: ID!) { mergePeople(keepId: $keepId, mergeId: $mergeId) { id roles bookings { id status } } }`;
const ME = `{ me { id email } }`;

describe('merging two accounts of one person (real PostgreSQL)', () => {
  let api: TestApi;
  let cookie: string;
  beforeAll(async () => {
    api = await startTestApi();
    const coordinator = await aPerson(api.orm.em.fork(), { roles: [Role.COORDINATOR] });
    cookie = await signInAs(api.url, coordinator);
  });
  afterAll(() => api.close());
  const em = () => api.orm.em.fork();

  async function counts() {
    const e = em();
    return {
      people: await e.count(Person, {}),
      bookings: await e.count(Booking, {}),
      events: await e.count(BookingEvent, {}),
      sessions: await e.count(AuthSession, {}),
      tokens: await e.count(AccountToken, {}),
    };
  }

  /** Two accounts of Sam: bookings with history on three sessions, one of them booked by both. */
  async function twoAccounts() {
    const agency = await anAgency(em());
    const keep = await aPerson(em(), {
      name: 'Sam Patel',
      email: `sam.patel.${Date.now()}@northshire.gov.uk`,
      agency,
      roles: [Role.PRACTITIONER],
    });
    const away = await aPerson(em(), {
      name: 'Sam Patel',
      email: `sam.p.${Date.now()}@gmail.example`,
      roles: [Role.PRACTITIONER, Role.TRAINER],
    });
    const awayCookie = await signInAs(api.url, away);
    const shared = await aSession(em(), await aCourse(em(), { title: 'Neglect learning circle' }), { inDays: 10 });
    const onlyAway = await aSession(em(), await aCourse(em(), { title: 'Modern day slavery' }), { inDays: 20 });
    const past = await aSession(em(), await aCourse(em(), { title: 'Safer sleep' }), { inDays: -40 });
    const e = em();
    const keepShared = e.create(Booking, {
      session: shared.id,
      person: keep.id,
      status: BookingStatus.WAITLISTED,
      waitlistedAt: new Date(),
      idempotencyKey: 'same-key',
    });
    const awayShared = e.create(Booking, {
      session: shared.id,
      person: away.id,
      status: BookingStatus.CONFIRMED,
      idempotencyKey: 'same-key',
    });
    const awayOnly = e.create(Booking, { session: onlyAway.id, person: away.id, status: BookingStatus.CONFIRMED });
    const awayPast = e.create(Booking, { session: past.id, person: away.id, status: BookingStatus.CONFIRMED });
    for (const b of [keepShared, awayShared, awayOnly, awayPast]) {
      e.create(BookingEvent, { booking: b, actor: b.person, action: 'booked', toStatus: b.status });
    }
    e.create(CalendarFeed, { person: away.id, tokenHash: `feed-${Date.now()}`.padEnd(64, '0') });
    // the past session's register: the merged-away account attended, and (as a trainer) marked and signed it off
    const part = await e.findOneOrFail(SessionPart, { session: past.id });
    const marked = { part, booking: awayPast, mark: AttendanceMark.PRESENT, source: MarkSource.TRAINER, actor: away.id, at: part.startsAt };
    e.create(AttendanceEvent, { ...marked, clientId: randomUUID() });
    e.create(RegisterSignOff, {
      part,
      signedBy: away.id,
      signedByName: away.name,
      signedAt: part.endsAt,
      counts: registerCounts([AttendanceMark.PRESENT]),
    });
    e.create(AttendanceOutcome, {
      booking: awayPast,
      session: past.id,
      person: away.id,
      outcome: CourseOutcome.ATTENDED,
      minutesAttended: 60,
      minutesScheduled: 60,
      decidedAt: part.endsAt,
    });
    await e.flush();
    await api.app
      .get(AccountTokenService)
      .issue(e as never, await e.findOneOrFail(Person, away.id), AccountTokenPurpose.RESET_PASSWORD, new Date());
    return { keep, away, awayCookie, keepShared, awayShared, awayOnly, awayPast };
  }

  it('refuses merging an account into itself, with a clear message, and changes nothing', async () => {
    const person = await aPerson(em());
    const before = await counts();
    for (const q of [PREVIEW, MERGE]) {
      const res = await gql(api.url, q, { keepId: person.id, mergeId: person.id }, cookie);
      expect(res.errors?.[0]).toMatchObject({
        message: 'You cannot merge an account into itself: choose the other account of this person.',
        extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'mergeId', message: 'Choose a different account from the one you keep' }] },
      });
    }
    expect(await counts()).toEqual(before);
  });

  it('previews what will happen, then moves everything to the kept account and removes the other: nothing is lost', async () => {
    const { keep, away, awayCookie, keepShared, awayShared, awayOnly, awayPast } = await twoAccounts();
    const before = await counts();

    const preview = await gql<{ mergePreview: Record<string, unknown> }>(api.url, PREVIEW, { keepId: keep.id, mergeId: away.id }, cookie);
    expect(preview.errors).toBeUndefined();
    expect(preview.data!.mergePreview).toMatchObject({
      keep: { email: keep.email },
      mergeAway: { email: away.email },
      bookingsMoved: 3,
      actionsMoved: 3,
      signedInSessionsMoved: 1,
      duplicates: [
        { courseTitle: 'Neglect learning circle', keptStatus: 'CONFIRMED', cancelledStatus: 'WAITLISTED', keptFrom: away.email },
      ],
      rolesAfter: ['PRACTITIONER', 'TRAINER'],
      statusAfter: 'ACTIVE',
    });
    expect((preview.data!.mergePreview.notes as string[]).join(' ')).toMatch(/calendar feed .* moves/);
    expect(await counts()).toEqual(before); // the preview wrote nothing

    const merged = await gql<{ mergePeople: { id: string; roles: string[]; bookings: { id: string; status: string }[] } }>(
      api.url,
      MERGE,
      { keepId: keep.id, mergeId: away.id },
      cookie,
    );
    expect(merged.errors).toBeUndefined();
    expect(merged.data!.mergePeople.roles).toEqual(['PRACTITIONER', 'TRAINER']);

    const after = await counts();
    expect(after).toEqual({ ...before, people: before.people - 1, events: before.events + 1 }); // + the duplicate's cancellation
    const e = em();
    expect(await e.findOne(Person, away.id)).toBeNull();
    const all = await e.find(Booking, { id: { $in: [keepShared.id, awayShared.id, awayOnly.id, awayPast.id] } });
    expect(all.every((b) => b.person.id === keep.id)).toBe(true);
    expect(Object.fromEntries(all.map((b) => [b.id, b.status]))).toEqual({
      [keepShared.id]: BookingStatus.CANCELLED,
      [awayShared.id]: BookingStatus.CONFIRMED,
      [awayOnly.id]: BookingStatus.CONFIRMED,
      [awayPast.id]: BookingStatus.CONFIRMED,
    });
    expect(await e.count(BookingEvent, { actor: keep.id })).toBe(4);
    // the register and its outcome now name the kept account
    expect(await e.count(AttendanceEvent, { actor: keep.id, booking: awayPast.id })).toBe(1);
    expect(await e.count(RegisterSignOff, { signedBy: keep.id })).toBe(1);
    expect(await e.count(AttendanceOutcome, { person: keep.id, booking: awayPast.id })).toBe(1);
    expect(await e.count(CalendarFeed, { person: keep.id })).toBe(1);
    expect(await e.count(AccountToken, { person: keep.id, usedAt: null })).toBe(0); // the old address's links end
    // whoever was signed in as the merged-away account is now signed in as the kept one
    expect((await gql<{ me: { id: string } }>(api.url, ME, {}, awayCookie)).data!.me.id).toBe(keep.id);
    // the merged-away address cannot sign in
    const signIn = await gql(api.url, `mutation($input: SignInInput!) { signIn(input: $input) { id } }`, {
      input: { email: away.email, password: away.password },
    });
    expect(signIn.errors?.[0]?.extensions?.code).toBe('INVALID_CREDENTIALS');
  });

  it('moves agency requests (one pending kept) and the single sign-on identity to the kept account', async () => {
    const { keep, away } = await twoAccounts();
    const e = em();
    await e.nativeUpdate(Person, { id: away.id }, { ssoSubject: `https://login.example sub-${away.id}` });
    e.create(AgencyRequest, { person: keep.id, kind: AgencyRequestKind.MOVE, requestedName: 'Northshire Youth Service' });
    e.create(AgencyRequest, { person: away.id, kind: AgencyRequestKind.JOIN, requestedName: 'Northshire Youth Club' });
    await e.flush();
    const res = await gql(api.url, MERGE, { keepId: keep.id, mergeId: away.id }, cookie);
    expect(res.errors).toBeUndefined();
    const requests = await em().find(AgencyRequest, { person: keep.id }, { orderBy: { requestedName: 'asc' } });
    expect(requests.map((r) => [r.requestedName, r.status])).toEqual([
      ['Northshire Youth Club', AgencyRequestStatus.REFUSED],
      ['Northshire Youth Service', AgencyRequestStatus.PENDING],
    ]);
    expect((await em().findOneOrFail(Person, keep.id)).ssoSubject).toBe(`https://login.example sub-${away.id}`);
  });

  it("moves check-in requests to the kept account, keeping the kept account's own where both asked on one part", async () => {
    const { keep, away } = await twoAccounts();
    const e = em();
    const [both, onlyAway] = [await aSession(e, await aCourse(e), { inDays: 1 }), await aSession(e, await aCourse(e), { inDays: 2 })].map(
      (s) => s.parts.getItems()[0]!,
    );
    const at = new Date();
    e.create(CheckInRequest, { part: both!, person: keep.id, requestedAt: at });
    e.create(CheckInRequest, { part: both!, person: away.id, requestedAt: at, status: CheckInRequestStatus.DISMISSED });
    e.create(CheckInRequest, { part: onlyAway!, person: away.id, requestedAt: at });
    await e.flush();
    expect((await gql(api.url, MERGE, { keepId: keep.id, mergeId: away.id }, cookie)).errors).toBeUndefined();
    const requests = await em().find(CheckInRequest, {});
    const mine = requests.filter((r) => [both!.id, onlyAway!.id].includes(r.part.id));
    expect(mine.map((r) => [r.part.id, r.person.id, r.status]).sort()).toEqual(
      [
        [both!.id, keep.id, CheckInRequestStatus.PENDING],
        [onlyAway!.id, keep.id, CheckInRequestStatus.PENDING],
      ].sort(),
    );
  });

  it('is one transaction: when the last step fails, nothing has moved', async () => {
    const { keep, away } = await twoAccounts();
    const before = await counts();
    const e = em();
    // a real failure at the very end (removing the merged-away account), raised by PostgreSQL itself
    await e.execute(
      `create function refuse_person_delete() returns trigger language plpgsql as $$ begin raise exception 'no deleting today'; end $$`,
    );
    await e.execute(`create trigger refuse_person_delete before delete on person for each row execute function refuse_person_delete()`);
    try {
      const res = await gql(api.url, MERGE, { keepId: keep.id, mergeId: away.id }, cookie);
      expect(res.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    } finally {
      await e.execute(`drop trigger refuse_person_delete on person`);
      await e.execute(`drop function refuse_person_delete()`);
    }
    expect(await counts()).toEqual(before);
    expect(await em().count(Booking, { person: away.id })).toBe(3);
    expect((await em().findOneOrFail(Person, keep.id)).roles).toEqual([Role.PRACTITIONER]);
    expect(await em().count(Booking, { person: away.id, status: BookingStatus.CANCELLED })).toBe(0);
  });

  it('refuses unknown accounts and non-coordinators', async () => {
    const person = await aPerson(em());
    const res = await gql(api.url, PREVIEW, { keepId: person.id, mergeId: '00000000-0000-4000-8000-000000000000' }, cookie);
    expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const theirs = await signInAs(api.url, person);
    const other = await aPerson(em());
    expect((await gql(api.url, MERGE, { keepId: person.id, mergeId: other.id }, theirs)).errors?.[0]?.extensions?.code).toBe('NOT_ALLOWED');
  });
});
