/**
 * What can happen to a booking: every change the API records in a booking's history is one of these,
 * and each has the words people read. Adding an action without a label fails to compile.
 */
export const BOOKING_ACTIONS = [
  'booked',
  'cancelled',
  'cancelled-late',
  'left-waiting-list',
  'offered',
  'offer-accepted',
  'offer-declined',
  'offer-expired',
  'approval-expired',
  'approved',
  'declined',
  'added-by-coordinator',
  'confirmed-by-coordinator',
  'session-changed',
  'session-cancelled',
  'moved-out',
  'moved-in',
  'walked-in',
] as const;

export type BookingAction = (typeof BOOKING_ACTIONS)[number];

export const bookingActionLabels: Record<BookingAction, string> = {
  booked: 'Booked',
  cancelled: 'Cancelled',
  'cancelled-late': 'Cancelled after the cut-off',
  'left-waiting-list': 'Left the waiting list',
  offered: 'A freed place was offered',
  'offer-accepted': 'Offer accepted',
  'offer-declined': 'Offer declined',
  'offer-expired': 'Offer expired',
  'approval-expired': 'Approval request expired',
  approved: 'Approved by the line manager',
  declined: 'Declined',
  'added-by-coordinator': 'Added by the training team',
  'confirmed-by-coordinator': 'Confirmed by the training team',
  'session-changed': 'The session changed',
  'session-cancelled': 'The session was cancelled',
  'moved-out': 'Moved to another date',
  'moved-in': 'Moved here from another date',
  'walked-in': 'Added at the door by a trainer (walk-in)',
};

export function isBookingAction(value: string): value is BookingAction {
  return (BOOKING_ACTIONS as readonly string[]).includes(value);
}

/** The words for a history entry; an action this version does not know is shown as "Changed". */
export function bookingActionLabel(action: string): string {
  return isBookingAction(action) ? bookingActionLabels[action] : 'Changed';
}
