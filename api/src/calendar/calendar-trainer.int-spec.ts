import { InviteMethod, Role, londonParts, trainerInviteUid } from '@lh/domain';
import ICAL from 'ical.js';
import { aCourse, aPerson, aSession } from '../../test/builders';
import { gql, signInAs, startTestApi, type TestApi } from '../../test/test-db';
import { Clock } from '../common/clock';
import { OutboxInvite } from '../notifications/outbox-message.entity';
import { SessionPart } from '../scheduling/session-part.entity';
import { Session } from '../scheduling/session.entity';

const RESET = `mutation { resetCalendarFeed { url } }`;
const BOOK = `mutation($input: BookSessionInput!) { bookSession(input: $input) { id status } }`;
const ASSIGN = `mutation($input: AssignTrainerInput!) { assignTrainer(input: $input) { id } }`;
const REMOVE = `mutation($s: ID!, $p: ID!) { removeTrainer(sessionId: $s, personId: $p) { id } }`;
const UPDATE = `mutation($input: UpdateSessionInput!) { updateSession(input: $input) { id } }`;
const CANCEL_SESSION = `mutation($input: CancelSessionInput!) { cancelSession(input: $input) { sessionId } }`;
const WEB = 'https://learninghub.example.org';
const DAY = 86_400_000;

/** Every VEVENT of a feed, parsed by ical.js (an independent parser). */
function events(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return {
      uid: e.uid,
      sequence: e.sequence,
      status: String(v.getFirstPropertyValue('status')),
      summary: e.summary,
      location: e.location,
    };
  });
}

/** A trainer's calendar feed lists the sessions they train, with the UIDs and SEQUENCEs of their trainer invites. */
describe('calendar feeds: the sessions a trainer trains (real API, real PostgreSQL)', () => {
  let api: TestApi;
  let coordinator: string;

  beforeAll(async () => {
    api = await startTestApi({ webOrigin: WEB });
    coordinator = await signInAs(api.url, await aPerson(api.orm.em.fork(), { roles: [Role.COORDINATOR] }));
  });
  afterAll(() => api.close());
  afterEach(() => api.app.get(Clock).fixAt(null));

  const em = () => api.orm.em.fork();
  const ok = async (query: string, variables: Record<string, unknown>, cookie = coordinator) =>
    expect((await gql(api.url, query, variables, cookie)).errors).toBeUndefined();
  /** The highest SEQUENCE queued for each UID, as the feed must give it. */
  const lastSequence = async (uid: string) => Math.max(...(await em().find(OutboxInvite, { uid })).map((i) => i.sequence));

  it('lists them CONFIRMED with the joining link and the invites’ SEQUENCE, drops them when the trainer is taken off, and marks them CANCELLED for 30 days when called off', async () => {
    const tom = await aPerson(em(), { name: 'Tom Walsh', roles: [Role.PRACTITIONER, Role.TRAINER] });
    const cookie = await signInAs(api.url, tom);
    const url = (await gql<{ resetCalendarFeed: { url: string } }>(api.url, RESET, {}, cookie)).data!.resetCalendarFeed.url;
    const feed = async () => events(await (await fetch(url.replace(WEB, api.url))).text());

    // a place of his own, and two sessions he trains
    const booked = await aSession(em(), await aCourse(em(), { title: 'Booked myself' }), { inDays: 8 });
    await ok(BOOK, { input: { sessionId: booked.id } }, cookie);
    const online = await aSession(em(), await aCourse(em(), { title: 'Neglect: early help' }), { inDays: 20, parts: 2, online: true });
    const other = await aSession(em(), await aCourse(em(), { title: 'Safer sleep' }), { inDays: 25 });
    await ok(ASSIGN, { input: { sessionId: online.id, personEmail: tom.email } });
    await ok(ASSIGN, { input: { sessionId: other.id, personEmail: tom.email } });
    const parts = await em().find(SessionPart, { session: online.id }, { orderBy: { startsAt: 'asc' } });
    const uids = parts.map((p) => trainerInviteUid(online.id, tom.id, p.id));
    const [otherPart] = await em().find(SessionPart, { session: other.id });
    const otherUid = trainerInviteUid(other.id, tom.id, otherPart!.id);

    const first = await feed();
    expect(first.filter((e) => e.uid.startsWith('booking-')).map((e) => e.summary)).toEqual(['Booked myself']);
    expect(first.filter((e) => e.uid.startsWith('trainer-')).map((e) => [e.uid, e.sequence, e.status, e.summary, e.location])).toEqual([
      [uids[0], 0, 'CONFIRMED', 'Neglect: early help (part 1 of 2)', 'Online'],
      [uids[1], 0, 'CONFIRMED', 'Neglect: early help (part 2 of 2)', 'Online'],
      [otherUid, 0, 'CONFIRMED', 'Safer sleep', expect.stringContaining('1 High Street')],
    ]);
    const raw = await (await fetch(url.replace(WEB, api.url))).text();
    expect(raw.replace(/\r\n[ \t]/g, '')).toContain('join at https://meet.example.org/test');

    // the session changes: the feed follows the updated invites' SEQUENCE
    const plan = (s: Session, ps: SessionPart[]) => ({
      sessionId: s.id,
      // the same days, mid-morning (the builder's parts start at the time of day the test runs, and one
      // started late in the evening would end after midnight)
      parts: ps.map((p) => ({ date: londonParts(p.startsAt).date, startTime: '10:00', endTime: '13:00' })),
      onlineUrl: 'https://meet.example.org/test',
      joiningInstructions: 'Cameras on, please.',
    });
    await ok(UPDATE, { input: plan(online, parts) });
    expect(await lastSequence(uids[0]!)).toBe(1);
    expect((await feed()).filter((e) => uids.includes(e.uid)).map((e) => e.sequence)).toEqual([1, 1]);

    // taken off a session, it leaves the feed
    await ok(REMOVE, { s: other.id, p: tom.id });
    expect((await feed()).map((e) => e.uid)).not.toContain(otherUid);

    // called off: CANCELLED, one above the CANCEL invite's SEQUENCE, until 30 days after it was due to end
    await ok(CANCEL_SESSION, { input: { sessionId: online.id, reason: 'Trainer unwell' } });
    const cancels = await em().find(OutboxInvite, { uid: { $in: uids }, method: InviteMethod.CANCEL });
    expect(cancels.map((c) => c.sequence)).toEqual([2, 2]);
    const called = (await feed()).filter((e) => uids.includes(e.uid));
    expect(called.map((e) => [e.status, e.sequence, e.summary])).toEqual([
      ['CANCELLED', 3, 'Cancelled: Neglect: early help (part 1 of 2)'],
      ['CANCELLED', 3, 'Cancelled: Neglect: early help (part 2 of 2)'],
    ]);
    const { endsAt } = await em().findOneOrFail(Session, online.id); // as changed above
    api.app.get(Clock).fixAt(new Date(endsAt.getTime() + 30 * DAY - 60_000));
    expect((await feed()).filter((e) => uids.includes(e.uid))).toHaveLength(2);
    api.app.get(Clock).fixAt(new Date(endsAt.getTime() + 30 * DAY));
    expect((await feed()).filter((e) => uids.includes(e.uid))).toEqual([]);
  });
});
