import { TZDate } from '@date-fns/tz';
import { addDays } from 'date-fns';
import { AgencySector, BookingStatus, Role, SessionStatus, agencySectorLabels, roleLabels } from './enums';
import { PARTNERSHIP_TIME_ZONE, formatLondonDate } from './london-time';
import { ErrorCode } from './errors';
import { courseBookingRefusal, type CourseStatus } from './course-status';

/** Statuses that hold a place on the session (count against capacity). */
export const PLACE_HOLDING: readonly BookingStatus[] = [BookingStatus.CONFIRMED, BookingStatus.OFFERED, BookingStatus.PENDING_APPROVAL];
/** Statuses of a live booking: at most one per person per session, and per course. */
export const ACTIVE_BOOKING: readonly BookingStatus[] = [...PLACE_HOLDING, BookingStatus.WAITLISTED];

/** The statuses of a booking that is still live (the same list as ACTIVE_BOOKING, for pages). */
export const LIVE_STATUSES = ACTIVE_BOOKING;

/** Whether a booking holds a place (counts against capacity); takes the enum or its value. */
export function holdsPlace(status: BookingStatus | `${BookingStatus}`): boolean {
  return (PLACE_HOLDING as readonly string[]).includes(status);
}
/** Whether a booking is still live; takes the enum or its value (the GraphQL client's status strings). */
export function isActive(status: BookingStatus | `${BookingStatus}`): boolean {
  return (ACTIVE_BOOKING as readonly string[]).includes(status);
}

export interface Refusal {
  code: ErrorCode;
  message: string;
}

export interface BookableSession {
  status: SessionStatus;
  startsAt: Date;
  bookingOpensAt?: Date | null;
  bookingClosesAt?: Date | null;
  /** Its course, when known: a draft course's sessions cannot be booked (courseBookingRefusal). */
  course?: { status: `${CourseStatus}` };
}

/** Why a session cannot be booked now, or null when it can. */
export function sessionBookingRefusal(session: BookableSession, now: Date): Refusal | null {
  const unpublished = session.course ? courseBookingRefusal(session.course.status) : null;
  if (unpublished) {
    return unpublished;
  }
  if (session.status === SessionStatus.CANCELLED) {
    return { code: ErrorCode.SessionCancelled, message: 'This session has been cancelled. Choose another date.' };
  }
  if (session.startsAt.getTime() <= now.getTime()) {
    return { code: ErrorCode.SessionStarted, message: 'This session has already started or taken place. Choose a later date.' };
  }
  if (session.bookingOpensAt && session.bookingOpensAt.getTime() > now.getTime()) {
    return { code: ErrorCode.BookingNotOpen, message: 'Booking for this session has not opened yet.' };
  }
  if (session.bookingClosesAt && session.bookingClosesAt.getTime() <= now.getTime()) {
    return { code: ErrorCode.BookingClosed, message: 'Booking for this session has closed.' };
  }
  return null;
}

/**
 * What a new booking becomes. Nobody jumps the queue: while anyone is waiting, a newcomer joins the
 * end of the waiting list even if a place is free (that place is being offered to the first in line).
 */
export function newBookingStatus(input: {
  capacity: number;
  placesHeld: number;
  waiting: number;
  needsApproval: boolean;
  /** A coordinator adding someone may fill a free place directly. */
  jumpQueue?: boolean;
}): BookingStatus {
  const free = input.capacity - input.placesHeld;
  if (free > 0 && (input.waiting === 0 || input.jumpQueue)) {
    return input.needsApproval ? BookingStatus.PENDING_APPROVAL : BookingStatus.CONFIRMED;
  }
  return BookingStatus.WAITLISTED;
}

export interface Audience {
  agencyIds: string[];
  sectors: AgencySector[];
  roles: Role[];
}

/**
 * Why a person may not book a course (audience or prerequisite), or null when they may. A prerequisite
 * counts once the person has attended it, as the signed-off registers of its session recorded (`met`);
 * `bookedOn` (the start of their session on the prerequisite whose attendance is still to be recorded,
 * if any) only changes the explanation, never the rule.
 */
export function eligibilityRefusal(input: {
  audience: Audience;
  person: { agencyId: string | null; sector: AgencySector | null; roles: Role[] };
  prerequisite: { title: string; met: boolean; bookedOn?: Date | null } | null;
}): Refusal | null {
  const { audience, person } = input;
  if (!isOpenAudience(audience)) {
    const inAudience =
      (person.agencyId !== null && audience.agencyIds.includes(person.agencyId)) ||
      (person.sector !== null && audience.sectors.includes(person.sector)) ||
      person.roles.some((r) => audience.roles.includes(r));
    if (!inAudience) {
      return {
        code: ErrorCode.NotEligible,
        message:
          'This course is for a particular audience that does not include you. Contact the training team if you think you should attend.',
      };
    }
  }
  if (input.prerequisite && !input.prerequisite.met) {
    if (input.prerequisite.bookedOn) {
      return {
        code: ErrorCode.PrerequisiteNotMet,
        message: `You can book this course once you have attended "${input.prerequisite.title}": your session on ${formatLondonDate(input.prerequisite.bookedOn)} counts once its register is signed off.`,
      };
    }
    return {
      code: ErrorCode.PrerequisiteNotMet,
      message: `You need to attend "${input.prerequisite.title}" before you can book this course.`,
    };
  }
  return null;
}

/** Whether a course is open to everyone (no agency, sector or role named). */
export function isOpenAudience(audience: Audience): boolean {
  return audience.agencyIds.length + audience.sectors.length + audience.roles.length === 0;
}

/**
 * Who a course is for, in words, for everyone to read before booking: "Everyone working in the
 * partnership", or "Staff of <agencies>, staff in <sectors> and <roles>" (any one of them may book).
 */
export function describeAudience(audience: { agencyNames: string[]; sectors: `${AgencySector}`[]; roles: `${Role}`[] }): string {
  const groups: string[] = [];
  if (audience.agencyNames.length) {
    groups.push(`staff of ${listInWords(audience.agencyNames)}`);
  }
  if (audience.sectors.length) {
    groups.push(`staff in ${listInWords(audience.sectors.map((s) => agencySectorLabels[s].toLowerCase()))}`);
  }
  if (audience.roles.length) {
    groups.push(listInWords(audience.roles.map((r) => `${roleLabels[r].toLowerCase()}s`)));
  }
  if (!groups.length) {
    return 'Everyone working in the partnership';
  }
  const text = listInWords(groups, 'or');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function listInWords(items: string[], joiner: 'and' | 'or' = 'and'): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${joiner} ${items[items.length - 1]}`;
}

const HOUR = 3_600_000;

export interface OfferPolicy {
  /** How long an offer is normally held (pretix's default is 48 hours). */
  holdHours: number;
  /** No offers are made this close to the start. */
  noOffersWithinHours: number;
  /** The shortest hold worth making. */
  minimumHoldHours: number;
}

export const DEFAULT_OFFER_POLICY: OfferPolicy = { holdHours: 48, noOffersWithinHours: 12, minimumHoldHours: 2 };

/**
 * Until when a freed place is held for the person it is offered to; null when it is too close to the
 * start to make offers. The hold shrinks as the session nears so the place can still be used.
 */
export function offerExpiry(now: Date, sessionStart: Date, policy: OfferPolicy = DEFAULT_OFFER_POLICY): Date | null {
  const lastOfferMoment = sessionStart.getTime() - policy.noOffersWithinHours * HOUR;
  const available = lastOfferMoment - now.getTime();
  if (available < policy.minimumHoldHours * HOUR) {
    return null;
  }
  const hold = Math.min(policy.holdHours * HOUR, Math.max(policy.minimumHoldHours * HOUR, available / 2));
  return new Date(now.getTime() + hold);
}

/** Whether a booking on this course by someone in this agency waits for their line manager's approval. */
export function needsApproval(course: { requiresApproval: boolean }, agency: { approvalExempt: boolean } | null | undefined): boolean {
  return course.requiresApproval && !agency?.approvalExempt;
}

/** How long a place is held while the line manager decides, in London calendar days. */
export const APPROVAL_HOLD_DAYS = 5;

/**
 * Until when a place is held for a line manager's decision: `holdDays` London calendar days from now
 * (the same wall-clock time, whatever the clocks do), but never later than the same time on the London
 * day before the session starts, and never before now.
 */
export function approvalExpiry(now: Date, sessionStart: Date, holdDays: number = APPROVAL_HOLD_DAYS): Date {
  const hold = addDays(new TZDate(now.getTime(), PARTNERSHIP_TIME_ZONE), holdDays).getTime();
  const dayBefore = addDays(new TZDate(sessionStart.getTime(), PARTNERSHIP_TIME_ZONE), -1).getTime();
  return new Date(Math.max(now.getTime(), Math.min(hold, dayBefore)));
}

/**
 * What a booking made now would become, for the person who would make it: the page can say so
 * before the form ("you will join the waiting list", "your manager will be asked").
 */
export function bookingOutcome(input: { capacity: number; placesHeld: number; waiting: number; needsApproval: boolean }): BookingStatus {
  return newBookingStatus(input);
}
