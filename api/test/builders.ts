import type { EntityManager } from '@mikro-orm/postgresql';
import { AgencySector, BookingStatus, CourseFormat, PersonStatus, Role, SessionStatus, londonParts, londonToUtc } from '@lh/domain';

/** The latest London time a whole-days-away test session starts, so its 3-hour parts end before midnight. */
const LATEST_START = '20:30';
import { randomBytes } from 'node:crypto';
import { AuthService } from '../src/auth/auth.service';
import { Agency } from '../src/people/agency.entity';
import { Person } from '../src/people/person.entity';
import { PriorityArea } from '../src/catalogue/priority-area.entity';
import { Course } from '../src/catalogue/course.entity';
import { Venue } from '../src/scheduling/venue.entity';
import { Session } from '../src/scheduling/session.entity';
import { SessionPart } from '../src/scheduling/session-part.entity';
import { Booking } from '../src/booking/booking.entity';

/** Test data builders: each call makes new, unique rows; nothing is shared between tests. */
const uid = () => randomBytes(4).toString('hex');
const DAY = 86_400_000;

export async function anAgency(em: EntityManager, over: Partial<Pick<Agency, 'name' | 'sector'>> = {}): Promise<Agency> {
  const agency = em.create(Agency, { name: `Agency ${uid()}`, sector: AgencySector.HEALTH, ...over });
  await em.flush();
  return agency;
}

const hashes = new Map<string, Promise<string>>();
/** argon2 is slow on purpose: hash each test password once. */
const hashOf = (password: string) => {
  if (!hashes.has(password)) {
    hashes.set(password, AuthService.hashPassword(password));
  }
  return hashes.get(password)!;
};

export async function aPerson(
  em: EntityManager,
  over: { name?: string; email?: string; roles?: Role[]; password?: string; agency?: Agency; status?: PersonStatus } = {},
): Promise<Person & { password: string }> {
  const password = over.password ?? `pw-${uid()}`;
  const person = em.create(Person, {
    status: over.status ?? PersonStatus.ACTIVE,
    emailVerifiedAt: new Date(),
    name: over.name ?? `Person ${uid()}`,
    email: (over.email ?? `p-${uid()}@example.org`).toLowerCase(),
    roles: over.roles ?? [Role.PRACTITIONER],
    agency: over.agency,
    passwordHash: await hashOf(password),
  });
  await em.flush();
  return Object.assign(person, { password });
}

export async function aPriorityArea(em: EntityManager, name = `Area ${uid()}`): Promise<PriorityArea> {
  const area = em.create(PriorityArea, { name });
  await em.flush();
  return area;
}

export async function aCourse(
  em: EntityManager,
  over: Partial<Pick<Course, 'title' | 'summary' | 'level' | 'format' | 'durationMinutes' | 'learningOutcomes' | 'status'>> & {
    priorityArea?: PriorityArea;
  } = {},
): Promise<Course> {
  const course = em.create(Course, {
    title: `Course ${uid()}`,
    summary: 'A course for testing.',
    learningOutcomes: ['Know more'],
    level: 2,
    format: CourseFormat.FACE_TO_FACE,
    // two training days, so the parts tests schedule are never "far longer than the course" unless a test says so
    durationMinutes: 840,
    ...over,
    priorityArea: over.priorityArea ?? (await aPriorityArea(em)),
  });
  await em.flush();
  return course;
}

/** A session starting `inDays` from now (negative for the past), with one part per `parts`. */
export async function aSession(
  em: EntityManager,
  course: Course,
  over: { inDays?: number; capacity?: number; status?: SessionStatus; parts?: number; online?: boolean } = {},
): Promise<Session> {
  const days = over.inDays ?? 10;
  let start = new Date(Date.now() + days * DAY);
  // Whole days away: parts end the London day they start, whatever time the test runs (one built at 10pm
  // would otherwise end after midnight). A fraction of a day is kept exact, for sessions starting soon.
  if (Number.isInteger(days) && londonParts(start).time > LATEST_START) {
    start = londonToUtc(londonParts(start).date, LATEST_START);
  }
  const partsCount = over.parts ?? 1;
  const venue = over.online ? undefined : em.create(Venue, { name: `Venue ${uid()}`, address: '1 High Street, Northshire NS1 1AA' });
  const lastEnd = new Date(start.getTime() + (partsCount - 1) * DAY + 3 * 3_600_000);
  const session = em.create(Session, {
    course,
    venue,
    onlineUrl: over.online ? 'https://meet.example.org/test' : undefined,
    capacity: over.capacity ?? 20,
    status: over.status ?? SessionStatus.SCHEDULED,
    startsAt: start,
    endsAt: lastEnd,
  });
  for (let i = 0; i < partsCount; i++) {
    const s = new Date(start.getTime() + i * DAY);
    em.create(SessionPart, { session, startsAt: s, endsAt: new Date(s.getTime() + 3 * 3_600_000) });
  }
  await em.flush();
  return session;
}

export async function bookings(em: EntityManager, session: Session, count: number, status = BookingStatus.CONFIRMED): Promise<void> {
  for (let i = 0; i < count; i++) {
    const person = em.create(Person, { name: `Booker ${uid()}`, email: `b-${uid()}@example.org` });
    em.create(Booking, { session, person, status });
  }
  await em.flush();
}

export async function aVenue(
  em: EntityManager,
  over: Partial<Pick<Venue, 'name' | 'address' | 'rooms' | 'capacity' | 'accessibilityNotes'>> = {},
): Promise<Venue> {
  const venue = em.create(Venue, { name: `Venue ${uid()}`, address: '1 High Street, Northshire NS1 1AA', ...over });
  await em.flush();
  return venue;
}
