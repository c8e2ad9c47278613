import type { EntityManager } from '@mikro-orm/postgresql';
import { SessionStatus } from '@lh/domain';
import type { Session } from './session.entity';
import type { SessionPart } from './session-part.entity';
import type { Venue } from './venue.entity';
import type { AdminVenueType } from './scheduling.types';

/** A session's parts in time order (ties by id, so the order is stable). */
export function sortedParts(session: Session): SessionPart[] {
  return [...session.parts.getItems()].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.id.localeCompare(b.id));
}

/** How many coming (scheduled, not ended) sessions each venue has. */
export async function upcomingSessionsByVenue(em: EntityManager, venueIds: string[], now: Date): Promise<Map<string, number>> {
  if (!venueIds.length) {
    return new Map();
  }
  const rows = await em.execute<{ venue_id: string; n: string }[]>(
    'select venue_id, count(*) as n from session where venue_id in (?) and status = ? and ends_at > ? group by venue_id',
    [venueIds, SessionStatus.SCHEDULED, now],
  );
  return new Map(rows.map((r) => [r.venue_id, Number(r.n)]));
}

export function toAdminVenueType(v: Venue, upcomingSessionCount: number): AdminVenueType {
  return {
    id: v.id,
    name: v.name,
    address: v.address,
    rooms: v.rooms,
    capacity: v.capacity ?? null,
    accessibilityNotes: v.accessibilityNotes ?? null,
    upcomingSessionCount,
  };
}
