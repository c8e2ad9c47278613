import type { Session } from '../scheduling/session.entity';
import type { SessionPartType, VenueType } from './course.types';

/** When and where a session is, as every GraphQL session type shows it. Parts and venue must be loaded. */
export function sessionTimesAndPlace(s: Session): {
  startsAt: Date;
  endsAt: Date;
  parts: SessionPartType[];
  venue: VenueType | null;
  room: string | null;
  online: boolean;
} {
  return {
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    parts: s.parts.getItems().map((p) => ({ startsAt: p.startsAt, endsAt: p.endsAt })),
    venue: s.venue
      ? { id: s.venue.id, name: s.venue.name, address: s.venue.address, accessibilityNotes: s.venue.accessibilityNotes ?? null }
      : null,
    room: s.room ?? null,
    online: !s.venue,
  };
}
