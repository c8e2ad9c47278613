/** "Northshire College, Room B12, 1 College Road, ..." or "Online": one way to say where a session is. */
export function describePlace(s: { venue: { name: string; address: string } | null; room?: string | null }, online = 'Online'): string {
  if (!s.venue) {
    return online;
  }
  return [s.venue.name, s.room, s.venue.address].filter(Boolean).join(', ');
}
