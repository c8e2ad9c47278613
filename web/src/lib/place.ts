import { describeVenue } from '@lh/domain';

/** "Northshire College, Room B12, 1 College Road, ..." or "Online": one way to say where a session is. */
export function describePlace(s: { venue: { name: string; address: string } | null; room?: string | null }, online = 'Online'): string {
  if (!s.venue) {
    return online;
  }
  return describeVenue({ name: s.venue.name, room: s.room, address: s.venue.address });
}
