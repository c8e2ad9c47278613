import type { FieldProblem } from './errors';

/**
 * A count with the word that fits it: `plural(1, 'course', 'courses')` is "1 course", `plural(3, ...)` and
 * `plural(0, ...)` are "3 courses" and "0 courses". The words may carry a verb that agrees with them:
 * `plural(n, 'course matches', 'courses match')`, `plural(n, 'person is', 'people are')`.
 * With `{ count: false }` only the words: `Your ${plural(n, 'role is', 'roles are', { count: false })}`.
 */
export function plural(n: number, one: string, many: string, { count = true }: { count?: boolean } = {}): string {
  const words = n === 1 ? one : many;
  return count ? `${n} ${words}` : words;
}

/** Places left on a session: never negative, even if capacity was lowered below bookings. */
export function placesLeft(capacity: number, confirmed: number): number {
  if (!Number.isInteger(capacity) || capacity < 0) {
    throw new RangeError('capacity must be a whole number, 0 or more');
  }
  if (!Number.isInteger(confirmed) || confirmed < 0) {
    throw new RangeError('confirmed must be a whole number, 0 or more');
  }
  return Math.max(0, capacity - confirmed);
}

/** The most places a session may have. */
export const MAX_SESSION_CAPACITY = 1000;

/**
 * A new session's number of places: 1 to MAX_SESSION_CAPACITY, and no more than its venue holds.
 * Checked with the session's other rules, so a bad number is reported with every other problem at once.
 */
export function sessionCapacityProblem(
  capacity: number,
  venue: { name: string; capacity?: number | null } | null,
  field = 'capacity',
): FieldProblem | null {
  if (!Number.isInteger(capacity) || capacity < 1 || capacity > MAX_SESSION_CAPACITY) {
    return { field, message: `Capacity must be between 1 and ${MAX_SESSION_CAPACITY}` };
  }
  if (venue?.capacity != null && capacity > venue.capacity) {
    return { field, message: `Capacity must be ${venue.capacity} or fewer: that is the most ${venue.name} holds` };
  }
  return null;
}

/** "3 places left", "1 place left", "Full" */
export function describePlacesLeft(left: number): string {
  if (left <= 0) {
    return 'Full';
  }
  return plural(left, 'place left', 'places left');
}

/** Duration in minutes to "3 hours", "1 day", "2 days", "45 minutes", "3 hours 30 minutes". */
export function describeDuration(minutes: number): string {
  if (minutes <= 0) {
    throw new RangeError('duration must be more than 0 minutes');
  }
  const DAY = 7 * 60; // a training day is about 7 hours of contact time
  if (minutes >= DAY && minutes % DAY === 0) {
    return plural(minutes / DAY, 'day', 'days');
  }
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const hours = h === 0 ? '' : plural(h, 'hour', 'hours');
  const mins = m === 0 ? '' : plural(m, 'minute', 'minutes');
  return [hours, mins].filter(Boolean).join(' ');
}

/**
 * A venue's address as lines: typed on separate lines or with commas, trimmed, with a first line left
 * out when it only names the venue again ("Northshire College, Station Road" for Northshire College;
 * "Northbridge Civic Centre, Market Square" for Civic Centre).
 */
export function venueAddressLines(venueName: string, address: string): string[] {
  const lines = address
    .split(/\r?\n|,/)
    .map((l) => l.trim())
    .filter(Boolean);
  const name = venueName.trim().toLowerCase();
  const first = lines[0]?.toLowerCase() ?? '';
  const repeatsName = !!name && (first === name || (lines.length > 1 && (first.endsWith(` ${name}`) || name.endsWith(` ${first}`))));
  return repeatsName ? lines.slice(1) : lines;
}

/** "Northshire College, Room B12, Station Road, Northbridge NB1 4QT": one line, each part once. */
export function describeVenue(v: { name: string; room?: string | null; address: string }): string {
  return [v.name, v.room, ...venueAddressLines(v.name, v.address)].filter(Boolean).join(', ');
}
