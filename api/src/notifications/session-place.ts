import { venueAddressLines } from '@lh/domain';
import type { Session } from '../scheduling/session.entity';
import type { SessionPlace } from './mail-templates';

/**
 * Where a session happens, for mail, invites and calendar feeds: the venue (with the room, when one
 * is set, and its address as lines without the venue's name repeated) or online. The joining link is only for people with a confirmed place: leave it out otherwise.
 */
export function sessionPlace(session: Session, opts: { withJoinUrl: boolean }): SessionPlace {
  if (session.venue) {
    return {
      kind: 'venue',
      name: session.room ? `${session.venue.name}, ${session.room}` : session.venue.name,
      address: venueAddressLines(session.venue.name, session.venue.address).join('\n'),
      accessibilityNotes: session.venue.accessibilityNotes ?? null,
    };
  }
  return { kind: 'online', joinUrl: opts.withJoinUrl ? (session.onlineUrl ?? null) : null };
}
