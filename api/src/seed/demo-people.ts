import type { EntityManager } from '@mikro-orm/postgresql';
import { BookingStatus, Role, SessionStatus } from '@lh/domain';
import type { Agency } from '../people/agency.entity';
import { Person } from '../people/person.entity';
import type { Session } from '../scheduling/session.entity';
import { Booking } from '../booking/booking.entity';
import { BookingEvent } from '../booking/booking-event.entity';

/** The work and personal addresses of the demo person with two accounts (for merging). */
export const DEMO_DUPLICATE_EMAILS = { work: 'jordan.ellis@example.org', personal: 'jordan.ellis.home@example.net' } as const;
/** A demo practitioner who is leaving, booked on a session to come (for deactivating). */
export const DEMO_LEAVER_EMAIL = 'alex.turner@example.org';

/**
 * People management in the demo: one person with two accounts (a work and a personal address), each
 * with bookings, one session booked by both, so a coordinator can preview and try a merge; and a
 * leaver with a place on a session to come, to deactivate.
 */
export function seedDemoPeople(
  em: EntityManager,
  o: { agency: Agency; sessions: readonly Session[]; bookings: readonly Booking[]; passwordHash: string; now: Date },
): { people: number; bookings: number } {
  const confirmed = (s: Session) => o.bookings.filter((b) => b.session === s && b.status === BookingStatus.CONFIRMED).length;
  const open = o.sessions
    .filter((s) => s.status === SessionStatus.SCHEDULED && s.startsAt.getTime() > o.now.getTime() && confirmed(s) + 2 <= s.capacity)
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const [shared, onlyHome] = open;
  const createdAt = new Date(o.now.getTime() - 30 * 86_400_000);
  const work = em.create(Person, {
    name: 'Jordan Ellis',
    email: DEMO_DUPLICATE_EMAILS.work,
    jobTitle: 'Social Worker',
    team: 'Children in Need, North',
    agency: o.agency,
    roles: [Role.PRACTITIONER],
    passwordHash: o.passwordHash,
    emailVerifiedAt: createdAt,
    createdAt,
  });
  const home = em.create(Person, {
    name: 'Jordan Ellis',
    email: DEMO_DUPLICATE_EMAILS.personal,
    agency: o.agency,
    roles: [Role.PRACTITIONER],
    passwordHash: o.passwordHash,
    emailVerifiedAt: createdAt,
    createdAt: new Date(createdAt.getTime() + 7 * 86_400_000),
  });
  let bookings = 0;
  const book = (person: Person, session: Session | undefined) => {
    if (!session) {
      return;
    }
    const booking = em.create(Booking, { session, person, agency: o.agency, status: BookingStatus.CONFIRMED, createdAt });
    em.create(BookingEvent, { booking, actor: person, action: 'booked', toStatus: BookingStatus.CONFIRMED, at: createdAt });
    bookings++;
  };
  const leaver = em.create(Person, {
    name: 'Alex Turner',
    email: DEMO_LEAVER_EMAIL,
    jobTitle: 'Family Support Worker',
    team: 'Early Help, South',
    agency: o.agency,
    roles: [Role.PRACTITIONER],
    passwordHash: o.passwordHash,
    emailVerifiedAt: createdAt,
    createdAt,
  });
  book(work, shared);
  book(home, shared);
  book(home, onlyHome);
  book(leaver, onlyHome);
  return { people: 3, bookings };
}
