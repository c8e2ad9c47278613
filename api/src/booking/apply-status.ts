import { BookingStatus, approvalExpiry } from '@lh/domain';
import type { Session } from '../scheduling/session.entity';
import type { Booking } from './booking.entity';

/** Sets the timestamps that go with a booking's new status (queue time, approval hold). */
export function applyStatus(booking: Booking, status: BookingStatus, now: Date, session: Session): void {
  booking.status = status;
  if (status === BookingStatus.WAITLISTED) {
    booking.waitlistedAt ??= now;
  }
  booking.approvalExpiresAt = status === BookingStatus.PENDING_APPROVAL ? approvalExpiry(now, session.startsAt) : null;
}
