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

/** "3 places left", "1 place left", "Full" */
export function describePlacesLeft(left: number): string {
  if (left <= 0) {
    return 'Full';
  }
  return left === 1 ? '1 place left' : `${left} places left`;
}

/** Duration in minutes to "3 hours", "1 day", "2 days", "45 minutes", "3 hours 30 minutes". */
export function describeDuration(minutes: number): string {
  if (minutes <= 0) {
    throw new RangeError('duration must be more than 0 minutes');
  }
  const DAY = 7 * 60; // a training day is about 7 hours of contact time
  if (minutes >= DAY && minutes % DAY === 0) {
    const days = minutes / DAY;
    return days === 1 ? '1 day' : `${days} days`;
  }
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const hours = h === 0 ? '' : h === 1 ? '1 hour' : `${h} hours`;
  const mins = m === 0 ? '' : m === 1 ? '1 minute' : `${m} minutes`;
  return [hours, mins].filter(Boolean).join(' ');
}
