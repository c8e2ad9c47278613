import { BookingStatus, Role, checkInSlot } from '@lh/domain';
import { aCourse, anAgency, aPerson, aSession } from '../../test/builders';
import { gql, signInAs, type GqlResult, type TestApi } from '../../test/test-db';
import { Booking } from '../booking/booking.entity';
import type { Course } from '../catalogue/course.entity';
import { Clock } from '../common/clock';
import type { Agency } from '../people/agency.entity';
import type { Person } from '../people/person.entity';
import { Session } from '../scheduling/session.entity';
import { SessionPart } from '../scheduling/session-part.entity';
import { CheckInCodes } from './check-in-codes';

export const ADD_WALK_IN = `mutation($input: AddWalkInInput!) {
  addWalkIn(input: $input) { replayed newAccount entry { bookingId personId name email agencyName walkIn mark source markedByName } }
}`;
export const CANDIDATES = `query($partId: ID!, $query: String!) {
  walkInCandidates(partId: $partId, query: $query) { personId name maskedEmail agencyName bookingStatus }
}`;
export const REQUESTS = `query($partId: ID!) { checkInRequests(partId: $partId) { id personId name email agencyName requestedAt } }`;
export const DISMISS = `mutation($requestId: ID!) { dismissCheckInRequest(requestId: $requestId) { id } }`;
export const SCREEN = `query($partId: ID!) {
  checkInScreen(partId: $partId) {
    code url qrSvg unavailableReason windowState changesAt secondsUntilChange present checkedIn booked pendingRequests courseTitle
  }
}`;
export const CHECK_IN = `mutation($input: CheckInInput!) {
  checkIn(input: $input) { outcome replayed message courseTitle partNumber partCount }
}`;
export const REGISTER = `query($partId: ID!) { register(partId: $partId) { entries { bookingId personId name walkIn mark source markedByName } } }`;
export const MARK = `mutation($input: MarkAttendanceInput!) { markAttendance(input: $input) { applied conflict } }`;

export type AddWalkInData = {
  addWalkIn: {
    replayed: boolean;
    newAccount: boolean;
    entry: {
      bookingId: string;
      personId: string;
      name: string;
      email: string;
      agencyName: string | null;
      walkIn: boolean;
      mark: string | null;
      source: string | null;
      markedByName: string | null;
    };
  };
};

export const errorOf = (res: GqlResult) => ({ code: res.errors?.[0]?.extensions?.code, message: res.errors?.[0]?.message });

/** A session of a new course whose first part starts about an hour from the real now, with a trainer (signed in). */
export interface TrainedSession {
  course: Course;
  session: Session;
  parts: SessionPart[];
  part: SessionPart;
  trainer: Person & { password: string };
  trainerCookie: string;
  agency: Agency;
}

export async function aTrainedSession(
  api: TestApi,
  over: { capacity?: number; parts?: number; title?: string } = {},
): Promise<TrainedSession> {
  const em = api.orm.em.fork();
  const course = await aCourse(em, {
    title: over.title ?? `Neglect and the Graded Care Profile ${Math.random().toString(36).slice(2, 6)}`,
  });
  const session = await aSession(em, course, { inDays: 1 / 24, capacity: over.capacity ?? 20, parts: over.parts ?? 1 });
  const trainer = await aPerson(em, { name: 'Morgan Ellis', roles: [Role.TRAINER] });
  session.trainers.add(trainer);
  await em.flush();
  const parts = await em.find(SessionPart, { session: session.id }, { orderBy: { startsAt: 'asc' } });
  const agency = await anAgency(em, { name: `Northshire Council ${Math.random().toString(36).slice(2, 6)}` });
  return { course, session, parts, part: parts[0]!, trainer, trainerCookie: await signInAs(api.url, trainer), agency };
}

/** Someone with a booking on the session in `status` (CONFIRMED unless said), signed in. */
export async function aBooked(
  api: TestApi,
  session: Session,
  over: { name?: string; email?: string; status?: BookingStatus; agency?: Agency } = {},
): Promise<{ person: Person & { password: string }; booking: Booking; cookie: string }> {
  const em = api.orm.em.fork();
  const person = await aPerson(em, { name: over.name, email: over.email, agency: over.agency });
  const booking = em.create(Booking, {
    session: em.getReference(Session, session.id),
    person,
    agency: person.agency ?? null,
    status: over.status ?? BookingStatus.CONFIRMED,
  });
  await em.flush();
  return { person, booking, cookie: await signInAs(api.url, person) };
}

/** Fixes the API's clock `minutes` after the part starts (negative: before). */
export function atPartStart(api: TestApi, part: SessionPart, minutes = 0): Date {
  const at = new Date(part.startsAt.getTime() + minutes * 60_000);
  api.app.get(Clock).fixAt(at);
  return at;
}

/** The part's check-in code `slotsAgo` slots before the one at `now` (0: on the screen now). */
export function codeAt(api: TestApi, part: SessionPart, now: Date, slotsAgo = 0): string {
  return api.app.get(CheckInCodes).codeFor(part.id, checkInSlot(now) - slotsAgo);
}

export const addWalkIn = (api: TestApi, cookie: string, input: Record<string, unknown>) =>
  gql<AddWalkInData>(api.url, ADD_WALK_IN, { input }, cookie);
