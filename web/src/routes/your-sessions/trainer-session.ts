import { formatLondonRange, plural } from '@lh/domain';
import type { TrainerSessionSummaryFieldsFragment } from '@lh/graphql-client';

type Session = Pick<TrainerSessionSummaryFieldsFragment, 'id' | 'parts'>;

/**
 * Where each part's register is (the registers capability serves them at
 * /your-sessions/<session>/register/<part>), with the words of its link.
 */
export function registerLinks(s: Session): { href: string; label: string; when: string }[] {
  return s.parts.map((p, i) => ({
    href: `/your-sessions/${s.id}/register/${p.id}`,
    label: s.parts.length > 1 ? `Take the register for part ${i + 1}` : 'Take the register',
    when: formatLondonRange(new Date(p.startsAt), new Date(p.endsAt)),
  }));
}

/** "12 of 20 places booked" */
export const describeBooked = (s: Pick<TrainerSessionSummaryFieldsFragment, 'confirmed' | 'capacity'>): string =>
  `${s.confirmed} of ${plural(s.capacity, 'place', 'places')} booked`;

/** "2 people with access or dietary needs" / "None" */
export const describeNeeds = (n: number): string => (n ? `${plural(n, 'person', 'people')} with access or dietary needs` : 'None');

/** "Nobody" / "1 awaiting a decision, 3 on the waiting list": places held while someone decides, and the waiting list. */
export function describeWaiting(s: Pick<TrainerSessionSummaryFieldsFragment, 'pending' | 'waiting'>): string {
  const parts = [s.pending ? `${s.pending} awaiting a decision` : null, s.waiting ? `${s.waiting} on the waiting list` : null];
  return parts.filter(Boolean).join(', ') || 'Nobody';
}

/** The sentence under an attendee list: who else may come. */
export function describeOthers(s: Pick<TrainerSessionSummaryFieldsFragment, 'pending' | 'waiting'>): string {
  const waiting = s.waiting ? `${plural(s.waiting, 'person is', 'people are')} on the waiting list` : 'Nobody is on the waiting list';
  const pending = s.pending ? `, and ${plural(s.pending, 'place is', 'places are')} held while people decide` : '';
  return `${waiting}${pending}.`;
}
