import { BookingStatus, SessionStatus, recentTrainerSessionsCutoff } from '@lh/domain';
import type { Person } from '../people/person.entity';
import type { Session } from '../scheduling/session.entity';
import type { Booking } from '../booking/booking.entity';

/** The demo trainer (trainer@example.org) delivers the domestic abuse programme. */
export const DEMO_TRAINER_EMAIL = 'trainer@example.org';

/** Who trains which courses in the demo: each member of the training pool their own subjects (by course title). */
const SUBJECTS: { email: string; titles: RegExp }[] = [
  { email: DEMO_TRAINER_EMAIL, titles: /Domestic Abuse|DASH/ },
  { email: 'rachel.dunn@example.org', titles: /Safer sleep|Graded Care Profile/ },
  { email: 'imran.hussain@example.org', titles: /Contextual|Slavery|Online Safety|Child sexual abuse/ },
  { email: 'gemma.riley@example.org', titles: /neglect|Neglect|Private Fostering|substance/ },
  { email: 'siobhan.kelly@example.org', titles: /Curiosity|Resilience|disabled children/ },
  { email: 'marcus.bennett@example.org', titles: /Mental Health|Gambling|Conference/ },
];

const ACCESS_NEEDS = [
  'Wheelchair user: step-free access and a table at the front, please',
  'Hearing loop, or please face the room when speaking',
  'A break every hour (back condition)',
  'Large print handouts',
];
const DIETARY_NEEDS = ['Vegetarian', 'Gluten free', 'Halal', 'Nut allergy (severe)', 'Vegan'];

/**
 * Trainers in the demo: each session to come, and each that ended in the last 60 days, is given the
 * member of the training pool whose subject it is (sessions never share a day, so nobody is in two places
 * at once); older sessions keep no trainer, as before trainers were recorded. On the demo trainer's
 * sessions some people booked with access or dietary needs, so "Your sessions" has something to plan for.
 * Deterministic (no randomness): the same sessions always get the same trainers and needs.
 */
export function seedDemoTrainers(o: {
  people: readonly Person[];
  sessions: readonly Session[];
  bookings: readonly Booking[];
  practitionerEmail: string;
  now: Date;
}): {
  assignments: number;
} {
  const byEmail = new Map(o.people.map((p) => [p.email, p]));
  const cutoff = recentTrainerSessionsCutoff(o.now);
  let assignments = 0;
  for (const session of o.sessions) {
    if (session.endsAt.getTime() <= cutoff.getTime()) {
      continue;
    }
    const subject = SUBJECTS.find((s) => s.titles.test(session.course.title));
    const trainer = subject && byEmail.get(subject.email);
    if (!trainer) {
      continue;
    }
    session.trainers.add(trainer);
    assignments++;
    if (trainer.email !== DEMO_TRAINER_EMAIL || session.status !== SessionStatus.SCHEDULED) {
      continue;
    }
    const confirmed = o.bookings.filter(
      (b) => b.session === session && b.status === BookingStatus.CONFIRMED && b.person.email !== o.practitionerEmail,
    );
    confirmed.forEach((b, i) => {
      if (i % 6 === 1) {
        b.accessNeeds = ACCESS_NEEDS[Math.floor(i / 6) % ACCESS_NEEDS.length];
      }
      if (i % 5 === 3) {
        b.dietaryNeeds = DIETARY_NEEDS[Math.floor(i / 5) % DIETARY_NEEDS.length];
      }
    });
  }
  return { assignments };
}
