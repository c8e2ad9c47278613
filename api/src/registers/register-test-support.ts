// Shared set-up for the register integration specs (register, register-sign-off): the GraphQL operations,
// a session with a trainer and people booked, the clock at a moment of the register's life, and the events written.
import { AttendanceRule, BookingStatus, Role } from '@lh/domain';
import { randomUUID } from 'node:crypto';
import { aCourse, anAgency, aPerson, aSession } from '../../test/builders';
import { gql, signInAs, startTestApi, type GqlResult, type TestApi } from '../../test/test-db';
import { Booking } from '../booking/booking.entity';
import { Clock } from '../common/clock';
import { Person } from '../people/person.entity';
import { SessionPart } from '../scheduling/session-part.entity';
import { Session } from '../scheduling/session.entity';
import { AttendanceEvent } from './attendance-event.entity';
import { AttendanceOutcome } from './attendance-outcome.entity';

const ENTRY = 'bookingId name agencyName walkIn mark minutes note eventId source markedByName';
const COUNTS = 'present late leftEarly absentWithApology didNotAttend notMarked';
const REGISTER_FIELDS = `partId partNumber partCount windowState canMark cannotMarkReason changesNeedReason opensAt closesAt
  venue { name } room counts { ${COUNTS} } signOff { signedByName signedAt counts { ${COUNTS} } } entries { ${ENTRY} }`;
export const REGISTER = `query($p: ID!) { register(partId: $p) { ${REGISTER_FIELDS} } }`;
export const MARK = `mutation($input: MarkAttendanceInput!) { markAttendance(input: $input) { applied replayed conflict entry { ${ENTRY} } } }`;
export const MARK_ALL = `mutation($input: MarkAllPresentInput!) { markAllPresent(input: $input) { ${REGISTER_FIELDS} } }`;
export const SIGN_OFF = `mutation($p: ID!) { signOffRegister(partId: $p) { ${REGISTER_FIELDS} } }`;

export type Counts = Record<'present' | 'late' | 'leftEarly' | 'absentWithApology' | 'didNotAttend' | 'notMarked', number>;
export interface Entry {
  bookingId: string;
  name: string;
  agencyName: string | null;
  walkIn: boolean;
  mark: string | null;
  minutes: number | null;
  note: string | null;
  eventId: string | null;
  source: string | null;
  markedByName: string | null;
}
export interface RegisterView {
  partId: string;
  partNumber: number;
  partCount: number;
  windowState: 'NOT_OPEN' | 'OPEN' | 'CLOSED';
  canMark: boolean;
  cannotMarkReason: string | null;
  changesNeedReason: boolean;
  opensAt: string;
  closesAt: string;
  venue: { name: string } | null;
  room: string | null;
  counts: Counts;
  signOff: { signedByName: string; signedAt: string; counts: Counts } | null;
  entries: Entry[];
}
export interface MarkResult {
  applied: boolean;
  replayed: boolean;
  conflict: string | null;
  entry: Entry;
}

export const code = (res: GqlResult) => res.errors?.[0]?.extensions?.code;
export const fields = (res: GqlResult) => res.errors?.[0]?.extensions?.fields ?? [];
export const message = (res: GqlResult) => res.errors?.[0]?.message;
export const counts = (over: Partial<Counts>): Counts => ({
  present: 0,
  late: 0,
  leftEarly: 0,
  absentWithApology: 0,
  didNotAttend: 0,
  notMarked: 0,
  ...over,
});

const MINUTE = 60_000;
/** One password for everyone signed in here: argon2 hashes it once. */
const PASSWORD = 'register-tests-password';

export interface RegisterScenario {
  session: Session;
  /** The session's parts, in order. */
  parts: SessionPart[];
  trainer: Person;
  /** The assigned trainer's cookie. */
  trainerCookie: string;
  /** The confirmed places, in the order of `names`. */
  bookings: Booking[];
}

/**
 * Call once at the top of a spec's `describe`: the real API (sign-ins last 90 days, so the clock can move
 * days ahead), a coordinator signed in, the clock back to the real time after each test.
 */
export function useRegisterApi() {
  let api: TestApi;
  let coordinator: string;
  beforeAll(async () => {
    api = await startTestApi({ sessionTtlHours: 24 * 90 });
    coordinator = await signInAs(
      api.url,
      await aPerson(api.orm.em.fork(), { roles: [Role.COORDINATOR], name: 'Cora Coordinator', password: PASSWORD }),
    );
  });
  afterAll(() => api.close());
  afterEach(() => api.app.get(Clock).fixAt(null));

  const em = () => api.orm.em.fork();
  /** The clock at `ms` milliseconds after `instant`. */
  const at = (instant: Date, ms = 0) => api.app.get(Clock).fixAt(new Date(instant.getTime() + ms));

  /** A session 10 days ahead (parts of 3 hours, a day apart) with its trainer and one confirmed place per name. */
  async function scenario(
    names: string[],
    over: { parts?: number; rule?: AttendanceRule; percent?: number; trainerName?: string } = {},
  ): Promise<RegisterScenario> {
    const e = em();
    const course = await aCourse(e);
    course.attendanceRule = over.rule ?? AttendanceRule.ALL_PARTS;
    course.attendanceMinimumPercent = over.percent ?? 100;
    const session = await aSession(e, course, { inDays: 10, parts: over.parts ?? 1 });
    const trainer = await aPerson(e, {
      roles: [Role.PRACTITIONER, Role.TRAINER],
      name: over.trainerName ?? 'Tariq Trainer',
      password: PASSWORD,
    });
    session.trainers.add(trainer);
    const agency = await anAgency(e, { name: `Northshire Council ${randomUUID().slice(0, 6)}` });
    const bookings = names.map((name) =>
      e.create(Booking, {
        session,
        person: e.create(Person, { name, email: `${randomUUID()}@example.org`, agency }),
        agency,
        status: BookingStatus.CONFIRMED,
      }),
    );
    await e.flush();
    const parts = await e.find(SessionPart, { session: session.id }, { orderBy: { startsAt: 'asc' } });
    return { session, parts, trainer, trainerCookie: await signInAs(api.url, { email: trainer.email, password: PASSWORD }), bookings };
  }

  /** Another booking on the session (for places that are not confirmed). */
  async function booking(session: Session, name: string, over: Partial<Pick<Booking, 'status' | 'lateCancellation' | 'walkIn'>>) {
    const e = em();
    const b = e.create(Booking, {
      session: e.getReference(Session, session.id),
      person: e.create(Person, { name, email: `${randomUUID()}@example.org` }),
      status: BookingStatus.CONFIRMED,
      ...over,
    });
    await e.flush();
    return b;
  }

  /** Another person in the training pool, signed in. */
  async function trainerCookie(name: string): Promise<{ person: Person; cookie: string }> {
    const person = await aPerson(em(), { roles: [Role.TRAINER], name, password: PASSWORD });
    return { person, cookie: await signInAs(api.url, { email: person.email, password: PASSWORD }) };
  }

  const register = async (partId: string, cookie: string) => {
    const res = await gql<{ register: RegisterView }>(api.url, REGISTER, { p: partId }, cookie);
    expect(res.errors).toBeUndefined();
    return res.data!.register;
  };
  /** Marks one person; `basedOnEventId` defaults to nothing seen (a first mark). */
  const mark = (cookie: string, input: { partId: string; bookingId: string } & Record<string, unknown>) =>
    gql<{ markAttendance: MarkResult }>(api.url, MARK, { input: { clientId: randomUUID(), ...input } }, cookie);
  /** Marks one person and expects it applied; returns the new event's id. */
  async function marked(cookie: string, input: { partId: string; bookingId: string } & Record<string, unknown>): Promise<string> {
    const res = await mark(cookie, input);
    expect(res.errors).toBeUndefined();
    expect(res.data!.markAttendance).toMatchObject({ applied: true, conflict: null });
    return res.data!.markAttendance.entry.eventId!;
  }
  const markAll = (cookie: string, partId: string, clientId: string = randomUUID()) =>
    gql<{ markAllPresent: RegisterView }>(api.url, MARK_ALL, { input: { clientId, partId } }, cookie);
  const signOff = (cookie: string, partId: string) => gql<{ signOffRegister: RegisterView }>(api.url, SIGN_OFF, { p: partId }, cookie);

  /** Every event on a part, oldest first. */
  const events = (partId: string) =>
    em().find(AttendanceEvent, { part: partId }, { orderBy: { at: 'asc', recordedAt: 'asc' }, populate: ['booking'] });
  const outcomes = async (sessionId: string) =>
    new Map(
      (await em().find(AttendanceOutcome, { session: sessionId }, { populate: ['booking'] })).map((o) => [
        o.booking.id,
        { outcome: o.outcome, minutesAttended: o.minutesAttended, minutesScheduled: o.minutesScheduled, decidedAt: o.decidedAt },
      ]),
    );

  return {
    get api() {
      return api;
    },
    get coordinator() {
      return coordinator;
    },
    em,
    at,
    scenario,
    booking,
    trainerCookie,
    register,
    mark,
    marked,
    markAll,
    signOff,
    events,
    outcomes,
  };
}

export { MINUTE };
