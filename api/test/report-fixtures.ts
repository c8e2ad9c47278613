import { SessionStatus, londonToUtc } from '@lh/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Course } from '../src/catalogue/course.entity';
import { SessionPart } from '../src/scheduling/session-part.entity';
import { Session } from '../src/scheduling/session.entity';

/** Builders the report specs share. */

/** A session with one part per [start, end] (London dates and times; `SECOND` for the repeated 01:xx hour). */
export async function sessionAt(
  em: EntityManager,
  course: Course,
  parts: [string, string, string, ('FIRST' | 'SECOND')?][],
  over: { capacity?: number; status?: SessionStatus } = {},
): Promise<Session> {
  const spans = parts.map(([date, from, to, occurrence]) => ({
    startsAt: londonToUtc(date, from, occurrence),
    endsAt: londonToUtc(date, to),
  }));
  const session = em.create(Session, {
    course,
    onlineUrl: 'https://meet.example.org/report',
    capacity: over.capacity ?? 10,
    status: over.status ?? SessionStatus.SCHEDULED,
    startsAt: spans[0]!.startsAt,
    endsAt: spans[spans.length - 1]!.endsAt,
  });
  for (const span of spans) {
    em.create(SessionPart, { session, ...span });
  }
  await em.flush();
  return session;
}
