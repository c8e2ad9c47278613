import { BookingStatus } from './enums';

/**
 * Walk-ins: people a trainer adds at the door. Pure rules: the search for people who already have an
 * account, how their addresses are shown, and what adding someone does to a booking they already have.
 */

/** The fewest characters a trainer types before people are searched. */
export const WALK_IN_SEARCH_MIN_CHARS = 2;

/** The most people one search shows: enough to pick from, too few to page through the directory. */
export const WALK_IN_SEARCH_LIMIT = 10;

/** Why a search cannot run (null when it can). */
export function walkInSearchProblem(query: string): string | null {
  return query.trim().length < WALK_IN_SEARCH_MIN_CHARS
    ? `Enter at least ${WALK_IN_SEARCH_MIN_CHARS} letters of their name or email address`
    : null;
}

/**
 * An address as a search result shows it to a trainer: the domain and the ends of the local part, enough
 * to tell two Jane Smiths apart with the person in front of you, not enough to collect addresses.
 * "jane.smith@nhs.example" is "ja…th@nhs.example"; a short local part keeps only its first character.
 */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) {
    return '…';
  }
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  const shown = local.length > 5 ? `${local.slice(0, 2)}…${local.slice(-2)}` : `${local.slice(0, 1)}…`;
  return `${shown}@${domain}`;
}

/**
 * What adding someone as a walk-in does, from the live booking they already have on the session (null
 * for none): a new confirmed place, their waiting-list place, offer or pending approval turned into a
 * confirmed place, or nothing because they are already on the register.
 */
export function walkInChange(live: BookingStatus | null): 'NEW' | 'CONVERT' | 'ALREADY_ON_REGISTER' {
  switch (live) {
    case null:
      return 'NEW';
    case BookingStatus.CONFIRMED:
      return 'ALREADY_ON_REGISTER';
    case BookingStatus.WAITLISTED:
    case BookingStatus.OFFERED:
    case BookingStatus.PENDING_APPROVAL:
      return 'CONVERT';
    case BookingStatus.CANCELLED:
    case BookingStatus.DECLINED:
    case BookingStatus.EXPIRED:
      // an ended booking stays in the history; the walk-in is a new place
      return 'NEW';
  }
}
