import { PersonStatus } from '@lh/domain';
import type { Person } from '../people/person.entity';

/**
 * A provisional account (made by a trainer for a walk-in) is claimed by whoever proves they read its
 * mail: setting a password from an invitation or reset link, using a sign-in link, or signing in with
 * their organisation's single sign-on with that verified address. Claiming makes it ACTIVE and confirms
 * the address. Anything else is left as it is. Call before `signInRefusal`.
 */
export function claimProvisional(person: Person, now: Date): void {
  if (person.status === PersonStatus.PROVISIONAL) {
    person.status = PersonStatus.ACTIVE;
    person.emailVerifiedAt ??= now;
  }
}

/** Accounts that can be sent a link to get in: active ones, and provisional ones (the link claims them). */
export function canBeSentLinks(person: Person): boolean {
  return person.status === PersonStatus.ACTIVE || person.status === PersonStatus.PROVISIONAL;
}
