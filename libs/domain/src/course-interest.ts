import { CourseFormat } from './enums';
import { CourseStatus } from './course-status';
import { ErrorCode } from './errors';
import { sessionBookingRefusal, type BookableSession } from './booking-rules';

/**
 * "Tell me when new dates are added": a person asks on a course with no date they can book; when a date
 * is added to a published course (or a course with dates is published) they are mailed once and their request ends.
 *
 * A date counts when it can be booked now or will be once its booking opens: not cancelled, not started,
 * booking not closed. The same rule decides whether the course page offers to tell someone, and whether a
 * new session tells the people waiting.
 */
export function isBookableDate(session: BookableSession, now: Date): boolean {
  const refusal = sessionBookingRefusal(session, now);
  return refusal === null || refusal.code === ErrorCode.BookingNotOpen;
}

/** Where a course stands for someone who wants to be told about new dates. */
export enum NewDatesAnswer {
  /** A coming date can be booked now, or will open for booking. */
  HAS_DATES = 'HAS_DATES',
  /** None: people may ask to be told when dates are added. */
  NO_DATES = 'NO_DATES',
  /** E-learning, which never has dates. */
  NOT_SCHEDULED = 'NOT_SCHEDULED',
  /** An archived course: no new dates are planned (it takes no new sessions until published again). */
  ARCHIVED = 'ARCHIVED',
}

/**
 * E-learning never has dates (NOT_SCHEDULED), an archived course gets none (ARCHIVED); otherwise whether any of
 * its sessions is a bookable date. (A draft is seen by coordinators only, and tells nobody until it is published.)
 */
export function newDatesAnswer(
  course: { format: `${CourseFormat}`; status: `${CourseStatus}` },
  sessions: readonly BookableSession[],
  now: Date,
): NewDatesAnswer {
  if (course.format === CourseFormat.E_LEARNING) {
    return NewDatesAnswer.NOT_SCHEDULED;
  }
  if (course.status === CourseStatus.ARCHIVED) {
    return NewDatesAnswer.ARCHIVED;
  }
  return sessions.some((s) => isBookableDate(s, now)) ? NewDatesAnswer.HAS_DATES : NewDatesAnswer.NO_DATES;
}
