import { randomUUID } from 'node:crypto';
import { SessionPart } from '../src/scheduling/session-part.entity';
import { gql, type TestApi } from './test-db';

/**
 * Taking registers through the real API (GraphQL over HTTP), as the person whose cookie is given (a
 * coordinator, or one of the session's trainers), for specs that need attendance to have happened.
 */

type Mark = 'PRESENT' | 'ABSENT_WITH_APOLOGY' | 'DID_NOT_ATTEND' | { mark: 'LATE' | 'LEFT_EARLY'; minutes: number } | null;

const REGISTER = `query($partId: ID!) { register(partId: $partId) { changesNeedReason entries { bookingId eventId } } }`;
const MARK = `mutation($input: MarkAttendanceInput!) { markAttendance(input: $input) { applied conflict } }`;
const SIGN_OFF = `mutation($partId: ID!) { signOffRegister(partId: $partId) { signOff { signedByName } } }`;

interface RegisterView {
  changesNeedReason: boolean;
  entries: { bookingId: string; eventId: string | null }[];
}

/** The session's part ids, in order. */
export async function partIdsOf(api: TestApi, sessionId: string): Promise<string[]> {
  const parts = await api.orm.em.fork().find(SessionPart, { session: sessionId }, { orderBy: { startsAt: 'asc' } });
  return parts.map((p) => p.id);
}

/** Gives each booking its mark on one part (with a reason when the register needs one: a correction). */
export async function markPart(
  api: TestApi,
  cookie: string,
  partId: string,
  marks: Record<string, Mark>,
  reason = 'Register taken on paper',
): Promise<void> {
  const reg = await gql<{ register: RegisterView }>(api.url, REGISTER, { partId }, cookie);
  if (reg.errors) {
    throw new Error(`Could not read the register: ${JSON.stringify(reg.errors)}`);
  }
  for (const [bookingId, mark] of Object.entries(marks)) {
    const entry = reg.data!.register.entries.find((e) => e.bookingId === bookingId);
    const res = await gql<{ markAttendance: { applied: boolean; conflict: string | null } }>(
      api.url,
      MARK,
      {
        input: {
          clientId: randomUUID(),
          partId,
          bookingId,
          ...(mark && typeof mark === 'object' ? mark : { mark }),
          basedOnEventId: entry?.eventId ?? null,
          reason: reg.data!.register.changesNeedReason ? reason : null,
        },
      },
      cookie,
    );
    if (res.errors || !res.data!.markAttendance.applied) {
      throw new Error(`Could not mark ${bookingId}: ${JSON.stringify(res.errors ?? res.data)}`);
    }
  }
}

/** Signs off one part's register. */
export async function signOffPart(api: TestApi, cookie: string, partId: string): Promise<void> {
  const res = await gql(api.url, SIGN_OFF, { partId }, cookie);
  if (res.errors) {
    throw new Error(`Could not sign off: ${JSON.stringify(res.errors)}`);
  }
}

/**
 * Takes every part's register of a session with the same marks and signs each off: the session's
 * outcomes are then decided (anyone left unmarked did not attend).
 */
export async function takeRegisters(api: TestApi, cookie: string, sessionId: string, marks: Record<string, Mark>): Promise<void> {
  for (const partId of await partIdsOf(api, sessionId)) {
    await markPart(api, cookie, partId, marks);
    await signOffPart(api, cookie, partId);
  }
}

/** A coordinator's correction of one booking's mark on every part of a signed-off session, with a reason. */
export async function correct(
  api: TestApi,
  cookie: string,
  sessionId: string,
  bookingId: string,
  mark: Mark,
  reason: string,
): Promise<void> {
  for (const partId of await partIdsOf(api, sessionId)) {
    await markPart(api, cookie, partId, { [bookingId]: mark }, reason);
  }
}
