import { inviteUid, trainerInviteUid } from '@lh/domain';
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
  return partInvites(o.method, o.session, (partId) => inviteUid(o.bookingId, partId), `Your booking: ${o.bookingUrl}`, o.bookingUrl);
}

/**
 * The invites for a trainer on a session they train: one per part, as a booking's, but with the
 * trainer's own UIDs (trainerInviteUid, stable for that trainer, session and part) and a link to the
 * session on their "Your sessions" page. The same methods: REQUEST when assigned or the session
 * changes, CANCEL when they are taken off it or it is called off.
 */
export function trainerInvites(o: {
  method: InviteDraft['method'];
  sessionId: string;
  personId: string;
  session: InviteSession;
  /** Absolute link to the session on the trainer's "Your sessions" page. */
  sessionUrl: string;
}): InviteDraft[] {
  return partInvites(
    o.method,
    o.session,
    (partId) => trainerInviteUid(o.sessionId, o.personId, partId),
    `You are training this session: ${o.sessionUrl}`,
    o.sessionUrl,
  );
}

function partInvites(
  method: InviteDraft['method'],
  session: InviteSession,
  uidOf: (partId: string) => string,
  linkLine: string,
  url: string,
): InviteDraft[] {
  const count = session.parts.length;
  return session.parts.map((part, i) => {
    const description = [
      count > 1 ? `Part ${i + 1} of ${count} of ${session.courseTitle}.` : session.courseTitle,
      session.place.kind === 'venue'
        ? `Venue: ${describePlace(session.place)}${session.place.accessibilityNotes ? `\nAccess: ${session.place.accessibilityNotes}` : ''}`
        : `Online${session.place.joinUrl ? `: join at ${session.place.joinUrl}` : ''}`,
      session.joiningInstructions ? `Joining instructions:\n${session.joiningInstructions}` : null,
      linkLine,
    ]
      .filter(Boolean)
      .join('\n\n');
    return {
      method,
      uid: uidOf(part.id),
      summary: count > 1 ? `${session.courseTitle} (part ${i + 1} of ${count})` : session.courseTitle,
      description,
      location: describePlace(session.place),
      start: part.start,
      end: part.end,
      url,
    };
  });
}
