// Shared set-up for the scheduling integration specs (venue-admin, session-admin, training-pool):
// the GraphQL operations, dates around the clock changes, and a coordinator and a practitioner signed in to a real API.
import { BookingStatus, MailKind, Role } from '@lh/domain';
import { aCourse, aPerson } from '../../test/builders';
import { gql, signInAs, startTestApi, type GqlResult, type TestApi } from '../../test/test-db';
import { Booking } from '../booking/booking.entity';
import { OutboxMessage } from '../notifications/outbox-message.entity';
import { Session } from './session.entity';

const SESSION_FIELDS = `id startsAt endsAt capacity room onlineUrl autoOfferWaitlist bookingOpensOn bookingClosesOn bookingOpensAt bookingClosesAt
  liveBookings course { id title } venue { id name rooms } parts { id date startTime endTime startsAt endsAt }
  trainers { id name email }`;
export const CREATE_SESSION = `mutation($input: CreateSessionInput!) { createSession(input: $input) { ${SESSION_FIELDS} } }`;
export const UPDATE_SESSION = `mutation($input: UpdateSessionInput!) { updateSession(input: $input) { ${SESSION_FIELDS} } }`;
export const SESSION_ADMIN = `query($id: ID!) { sessionAdmin(id: $id) { ${SESSION_FIELDS} } }`;
export const CREATE_VENUE = `mutation($input: CreateVenueInput!) { createVenue(input: $input) { id name address rooms capacity accessibilityNotes upcomingSessionCount } }`;
export const UPDATE_VENUE = `mutation($input: UpdateVenueInput!) { updateVenue(input: $input) { id name rooms capacity accessibilityNotes } }`;
export const VENUES = `{ venues { id name rooms capacity upcomingSessionCount } }`;
export const ASSIGN = `mutation($input: AssignTrainerInput!) { assignTrainer(input: $input) { id trainers { id name } } }`;
export const REMOVE = `mutation($s: ID!, $p: ID!) { removeTrainer(sessionId: $s, personId: $p) { id trainers { id } } }`;
export const POOL = `{ trainerPool { id name email upcomingSessionCount } }`;

export interface AdminSession {
  id: string;
  startsAt: string;
  endsAt: string;
  room: string | null;
  onlineUrl: string | null;
  autoOfferWaitlist: boolean;
  bookingOpensOn: string | null;
  bookingClosesOn: string | null;
  bookingOpensAt: string | null;
  bookingClosesAt: string | null;
  liveBookings: number;
  course: { id: string; title: string };
  venue: { id: string; name: string } | null;
  parts: { id: string; date: string; startTime: string; endTime: string; startsAt: string; endsAt: string }[];
  trainers: { id: string; name: string }[];
}
type Part = { date: string; startTime: string; endTime: string };

/** The last Sunday of March (the clocks go forward at 1am) and October of a year some way ahead. */
export const YEAR = new Date().getUTCFullYear() + 2;
const lastSunday = (month: number) => {
  const d = new Date(Date.UTC(YEAR, month + 1, 0));
  d.setUTCDate(d.getUTCDate() - d.getUTCDay());
  return d;
};
export const day = (d: Date, plus = 0) => new Date(d.getTime() + plus * 86_400_000).toISOString().slice(0, 10);
export const SPRING = lastSunday(2);
export const AUTUMN = lastSunday(9);
export const fields = (res: GqlResult) => res.errors?.[0]?.extensions?.fields ?? [];
export const code = (res: GqlResult) => res.errors?.[0]?.extensions?.code;

/**
 * Call once at the top of a spec's `describe`: starts the real API before its tests (closing it after them)
 * and signs in a coordinator and a practitioner. Read `api`, `coordinator` and `practitioner` inside tests.
 */
export function useSchedulingApi() {
  let api: TestApi;
  let coordinator: string;
  let practitioner: string;

  beforeAll(async () => {
    api = await startTestApi();
    coordinator = await signInAs(api.url, await aPerson(api.orm.em.fork(), { roles: [Role.COORDINATOR] }));
    practitioner = await signInAs(api.url, await aPerson(api.orm.em.fork()));
  });
  afterAll(() => api.close());

  const em = () => api.orm.em.fork();
  const create = (input: Record<string, unknown>, cookie = coordinator) =>
    gql<{ createSession: AdminSession }>(api.url, CREATE_SESSION, { input }, cookie);
  const update = (input: Record<string, unknown>, cookie = coordinator) =>
    gql<{ updateSession: AdminSession }>(api.url, UPDATE_SESSION, { input }, cookie);
  const admin = async (id: string) =>
    (await gql<{ sessionAdmin: AdminSession }>(api.url, SESSION_ADMIN, { id }, coordinator)).data!.sessionAdmin;
  const sessionCount = async (courseId: string) => em().count(Session, { course: courseId });
  const plan = (over: Record<string, unknown> = {}) => ({
    parts: [{ date: day(SPRING, -30), startTime: '09:30', endTime: '12:30' }] as Part[],
    venueId: null,
    onlineUrl: 'https://meet.example.org/abc-defg',
    bookingOpensOn: null,
    bookingClosesOn: null,
    ...over,
  });
  async function scheduled(over: Record<string, unknown> = {}): Promise<AdminSession> {
    const course = await aCourse(em());
    const res = await create({ courseId: course.id, capacity: 12, ...plan(over) });
    expect(res.errors).toBeUndefined();
    return res.data!.createSession;
  }
  async function book(sessionId: string, status = BookingStatus.CONFIRMED) {
    const e = em();
    const person = await aPerson(e);
    e.create(Booking, { session: sessionId, person, status, createdAt: new Date() });
    await e.flush();
    return person;
  }
  const changedMail = (sessionId: string) =>
    em().find(OutboxMessage, { sessionId, kind: MailKind.SESSION_CHANGED }, { populate: ['invites'] });

  return {
    get api() {
      return api;
    },
    get coordinator() {
      return coordinator;
    },
    get practitioner() {
      return practitioner;
    },
    em,
    create,
    update,
    admin,
    sessionCount,
    plan,
    scheduled,
    book,
    changedMail,
  };
}
