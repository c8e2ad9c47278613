import { inviteUid } from '@lh/domain';
import type { InviteDraft } from './mail-outbox.service';
import { describePlace, type SessionPlace } from './mail-templates';

export interface InviteSession {
  courseTitle: string;
  /** Each part keeps its own invite, so each needs its stable id. */
  parts: { id: string; start: Date; end: Date }[];
  place: SessionPlace;
  joiningInstructions?: string | null;
}

/**
 * The invites for one person's place on a session: one per part, each with the UID that stays the
 * same for that place and part for its whole life (inviteUid), LOCATION the venue or "Online", and
 * DESCRIPTION the joining instructions. Use REQUEST when the place is confirmed or the session
 * changes (the SEQUENCE rises by itself), CANCEL when the booking or the session is cancelled.
 */
export function sessionInvites(o: {
  method: InviteDraft['method'];
  bookingId: string;
  session: InviteSession;
  /** Absolute link to the booking in the web app. */
  bookingUrl: string;
}): InviteDraft[] {
  const { session } = o;
  const count = session.parts.length;
  return session.parts.map((part, i) => {
    const description = [
      count > 1 ? `Part ${i + 1} of ${count} of ${session.courseTitle}.` : session.courseTitle,
      session.place.kind === 'venue'
        ? `Venue: ${describePlace(session.place)}${session.place.accessibilityNotes ? `\nAccess: ${session.place.accessibilityNotes}` : ''}`
        : `Online${session.place.joinUrl ? `: join at ${session.place.joinUrl}` : ''}`,
      session.joiningInstructions ? `Joining instructions:\n${session.joiningInstructions}` : null,
      `Your booking: ${o.bookingUrl}`,
    ]
      .filter(Boolean)
      .join('\n\n');
    return {
      method: o.method,
      uid: inviteUid(o.bookingId, part.id),
      summary: count > 1 ? `${session.courseTitle} (part ${i + 1} of ${count})` : session.courseTitle,
      description,
      location: describePlace(session.place),
      start: part.start,
      end: part.end,
      url: o.bookingUrl,
    };
  });
}
