import { randomBytes, randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { hashSessionToken } from '../src/auth/auth.service';
import { AuthSession } from '../src/auth/auth-session.entity';
import { aPerson } from './builders';
import { gql } from './test-db';

const BOOK = `mutation($input: BookSessionInput!) { bookSession(input: $input) { id status } }`;

/** One practitioner's booking request: their cookie, the session, the idempotency key and the answer once given. */
export interface Attempt {
  cookie: string;
  sessionId: string;
  key: string;
  answer?: { id: string; status: string };
}

/**
 * `count` practitioners, each signed in (a session row, as signing in writes it, so no rate limit is met), each
 * about to book the session `sessionOf(i)` with a key of their own.
 */
export async function bookingAttempts(em: EntityManager, count: number, sessionOf: (i: number) => string): Promise<Attempt[]> {
  const attempts: Attempt[] = [];
  for (let i = 0; i < count; i++) {
    const person = await aPerson(em);
    const token = randomBytes(32).toString('base64url');
    em.create(AuthSession, {
      tokenHash: hashSessionToken(token),
      person,
      expiresAt: new Date(Date.now() + 86_400_000),
      method: 'PASSWORD',
    });
    attempts.push({ cookie: `lh_session=${token}`, sessionId: sessionOf(i), key: randomUUID() });
  }
  await em.flush();
  return attempts;
}

/**
 * Sends the attempts not answered yet, `clients` at a time, request n to `urls[n % urls.length]` (several API
 * processes behind one address). A request whose connection dies gets no answer; a refusal fails the rush.
 * `onAnswer` sees the running count of answers (a fault test kills a process there).
 */
export async function rush(
  urls: string[],
  attempts: Attempt[],
  opts: { clients: number; onAnswer?: (answered: number) => Promise<void> | void },
): Promise<void> {
  let answered = 0;
  let sent = 0;
  const queue = attempts.filter((a) => !a.answer);
  const client = async () => {
    for (let a = queue.shift(); a; a = queue.shift()) {
      const url = urls[sent++ % urls.length]!;
      const res = await gql<{ bookSession: { id: string; status: string } }>(
        url,
        BOOK,
        { input: { sessionId: a.sessionId, idempotencyKey: a.key } },
        a.cookie,
      ).catch(() => null); // the connection died with the process: no answer
      if (res?.data?.bookSession) {
        a.answer = res.data.bookSession;
        await opts.onAnswer?.(++answered);
      } else if (res) {
        throw new Error(`Booking refused: ${JSON.stringify(res.errors)}`);
      }
    }
  };
  await Promise.all(Array.from({ length: opts.clients }, client));
}

/** Every mail the SMTP server received, by Message-ID without its brackets. */
export const bareMessageId = (id: string | undefined) => (id ?? '').replace(/^<|>$/g, '');
