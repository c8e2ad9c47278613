import { BookingStatus, SessionStatus, cancellationDeadline } from '@lh/domain';
import { sessionTimesAndPlace } from '../catalogue/session-mapping';
import type { Session } from '../scheduling/session.entity';
import type { Booking } from './booking.entity';
import type { BookingSessionType, BookingType } from './booking.types';

/**
 * A session as booking pages show it. Course, parts and venue must be loaded. Joining instructions
 * are for people with a confirmed place (and the training team): leave them out for anyone else.
 */
export function toBookingSessionType(s: Session, opts: { withJoiningInstructions: boolean }): BookingSessionType {
  return {
    id: s.id,
    course: { id: s.course.id, title: s.course.title },
    ...sessionTimesAndPlace(s),
    cancelled: s.status === SessionStatus.CANCELLED,
    cancelledAt: s.cancelledAt ?? null,
    cancellationReason: s.cancellationReason ?? null,
    joiningInstructions: opts.withJoiningInstructions ? (s.joiningInstructions ?? null) : null,
  };
}

/** A booking as its owner or a coordinator sees it. Session (course, parts, venue) and person (agency) must be loaded. */
export function toBookingType(b: Booking, waitlistPosition: number | null): BookingType {
  const s = b.session;
  return {
    id: b.id,
    status: b.status,
    session: toBookingSessionType(s, { withJoiningInstructions: b.status === BookingStatus.CONFIRMED }),
    person: {
      id: b.person.id,
      name: b.person.name,
      email: b.person.email,
      jobTitle: b.person.jobTitle ?? null,
      agencyName: b.person.agency?.name ?? null,
    },
    accessNeeds: b.accessNeeds ?? null,
    dietaryNeeds: b.dietaryNeeds ?? null,
    managerEmail: b.managerEmail ?? null,
    waitlistPosition,
    offerExpiresAt: b.offerExpiresAt ?? null,
    approvalExpiresAt: b.approvalExpiresAt ?? null,
    cancellationDeadline:
      b.status === BookingStatus.CONFIRMED ? cancellationDeadline(s.startsAt, s.course.cancellationCutoffWorkingDays) : null,
    cancelledAt: b.cancelledAt ?? null,
    lateCancellation: b.lateCancellation,
    joinUrl: b.status === BookingStatus.CONFIRMED && s.status !== SessionStatus.CANCELLED ? (s.onlineUrl ?? null) : null,
    createdAt: b.createdAt,
    history: b.events.isInitialized()
      ? b.events.getItems().map((e) => ({
          at: e.at,
          action: e.action,
          fromStatus: e.fromStatus ?? null,
          toStatus: e.toStatus,
          actorName: e.actor?.name ?? null,
          actorEmail: e.actorEmail ?? null,
          reason: e.reason ?? null,
        }))
      : [],
  };
}
