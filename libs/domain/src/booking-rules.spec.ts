import { AgencySector, BookingStatus, Role, SessionStatus } from './enums';
import { ErrorCode } from './errors';
import { CourseStatus } from './course-status';
import {
  approvalExpiry,
  bookingOutcome,
  describeAudience,
  eligibilityRefusal,
  isActive,
  needsApproval,
  newBookingStatus,
  offerExpiry,
  sessionBookingRefusal,
} from './booking-rules';

const now = new Date('2026-11-21T12:00:00Z');
const inHours = (h: number) => new Date(now.getTime() + h * 3_600_000);

describe('sessionBookingRefusal', () => {
  const open = { status: SessionStatus.SCHEDULED, startsAt: inHours(100), bookingOpensAt: null, bookingClosesAt: null };
  it('allows a coming, open session', () => expect(sessionBookingRefusal(open, now)).toBeNull());
  it('refuses cancelled, past, not yet open and closed sessions with their own codes', () => {
    expect(sessionBookingRefusal({ ...open, status: SessionStatus.CANCELLED }, now)?.code).toBe(ErrorCode.SessionCancelled);
    expect(sessionBookingRefusal({ ...open, startsAt: inHours(-1) }, now)?.code).toBe(ErrorCode.SessionStarted);
    expect(sessionBookingRefusal({ ...open, bookingOpensAt: inHours(1) }, now)?.code).toBe(ErrorCode.BookingNotOpen);
    expect(sessionBookingRefusal({ ...open, bookingClosesAt: inHours(-1) }, now)?.code).toBe(ErrorCode.BookingClosed);
  });
  it("refuses a draft course's sessions, and keeps an archived course's bookable", () => {
    expect(sessionBookingRefusal({ ...open, course: { status: CourseStatus.DRAFT } }, now)).toEqual({
      code: ErrorCode.BookingNotOpen,
      message: 'This course is not published yet, so its sessions cannot be booked.',
    });
    expect(sessionBookingRefusal({ ...open, course: { status: CourseStatus.ARCHIVED } }, now)).toBeNull();
    expect(sessionBookingRefusal({ ...open, course: { status: CourseStatus.PUBLISHED } }, now)).toBeNull();
  });
});

describe('newBookingStatus', () => {
  it('confirms while places are free and nobody waits', () => {
    expect(newBookingStatus({ capacity: 10, placesHeld: 9, waiting: 0, needsApproval: false })).toBe(BookingStatus.CONFIRMED);
  });
  it('holds the place pending approval when the course needs it', () => {
    expect(newBookingStatus({ capacity: 10, placesHeld: 0, waiting: 0, needsApproval: true })).toBe(BookingStatus.PENDING_APPROVAL);
  });
  it('waitlists when full', () => {
    expect(newBookingStatus({ capacity: 10, placesHeld: 10, waiting: 0, needsApproval: false })).toBe(BookingStatus.WAITLISTED);
  });
  it('never lets a newcomer jump the waiting list', () => {
    expect(newBookingStatus({ capacity: 10, placesHeld: 9, waiting: 2, needsApproval: false })).toBe(BookingStatus.WAITLISTED);
  });
  it('lets a coordinator fill a free place directly', () => {
    expect(newBookingStatus({ capacity: 10, placesHeld: 9, waiting: 2, needsApproval: false, jumpQueue: true })).toBe(
      BookingStatus.CONFIRMED,
    );
  });
});

describe('eligibilityRefusal', () => {
  const person = { agencyId: 'a1', sector: AgencySector.HEALTH, roles: [Role.PRACTITIONER] };
  const open = { agencyIds: [], sectors: [], roles: [] };
  it('lets anyone book an open course', () => {
    expect(eligibilityRefusal({ audience: open, person, prerequisite: null })).toBeNull();
  });
  it('matches an audience by agency, sector or role', () => {
    expect(eligibilityRefusal({ audience: { ...open, agencyIds: ['a1'] }, person, prerequisite: null })).toBeNull();
    expect(eligibilityRefusal({ audience: { ...open, sectors: [AgencySector.HEALTH] }, person, prerequisite: null })).toBeNull();
    expect(eligibilityRefusal({ audience: { ...open, roles: [Role.PRACTITIONER] }, person, prerequisite: null })).toBeNull();
    expect(eligibilityRefusal({ audience: { ...open, sectors: [AgencySector.POLICE] }, person, prerequisite: null })?.code).toBe(
      ErrorCode.NotEligible,
    );
  });
  it('names the missing prerequisite', () => {
    const r = eligibilityRefusal({ audience: open, person, prerequisite: { title: 'DASH risk checklist', met: false } });
    expect(r).toEqual({
      code: ErrorCode.PrerequisiteNotMet,
      message: 'You need to attend "DASH risk checklist" before you can book this course.',
    });
  });
  it('explains that a booked prerequisite counts once its register is signed off, still refusing', () => {
    const r = eligibilityRefusal({
      audience: open,
      person,
      prerequisite: { title: 'DASH risk checklist', met: false, bookedOn: new Date('2026-03-03T09:30:00Z') },
    });
    expect(r).toEqual({
      code: ErrorCode.PrerequisiteNotMet,
      message:
        'You can book this course once you have attended "DASH risk checklist": your session on Tuesday 3 March 2026 counts once its register is signed off.',
    });
    expect(
      eligibilityRefusal({
        audience: open,
        person,
        prerequisite: { title: 'DASH', met: true, bookedOn: new Date('2026-03-03T09:30:00Z') },
      }),
    ).toBeNull();
  });
});

describe('describeAudience', () => {
  it('says a course with no audience is for everyone', () => {
    expect(describeAudience({ agencyNames: [], sectors: [], roles: [] })).toBe('Everyone working in the partnership');
  });
  it('names agencies, sectors and roles, any of which may book', () => {
    expect(describeAudience({ agencyNames: ['Northshire Police'], sectors: [], roles: [] })).toBe('Staff of Northshire Police');
    expect(
      describeAudience({ agencyNames: ['A', 'B'], sectors: [AgencySector.HEALTH, AgencySector.EDUCATION], roles: [Role.TRAINER] }),
    ).toBe('Staff of A and B, staff in health and education or trainers');
  });
});

describe('offerExpiry', () => {
  it('holds an offer for 48 hours when the session is far off', () => {
    expect(offerExpiry(now, inHours(24 * 14))).toEqual(inHours(48));
  });
  it('holds for less as the session nears', () => {
    // 36 hours to go: offers stop 12 hours before, so 24 hours remain and half is held
    expect(offerExpiry(now, inHours(36))).toEqual(inHours(12));
  });
  it('makes no offers in the last hours before the start', () => {
    expect(offerExpiry(now, inHours(13))).toBeNull();
    expect(offerExpiry(now, inHours(2))).toBeNull();
  });
});

describe('approval hold', () => {
  it('holds five London days, keeping the wall-clock time across the October clock change', () => {
    // 09:00 BST on Wednesday 22 October 2025; clocks go back on Sunday 26 October
    const now = new Date('2025-10-22T08:00:00Z');
    const start = new Date('2025-11-10T09:30:00Z');
    expect(approvalExpiry(now, start).toISOString()).toBe('2025-10-27T09:00:00.000Z'); // 09:00 GMT
  });
  it('never holds past the same time on the day before the session, nor before now', () => {
    const now = new Date('2026-03-26T10:00:00Z');
    // session at 09:30 BST on Monday 30 March 2026 (clocks went forward on the 29th)
    const start = new Date('2026-03-30T08:30:00Z');
    expect(approvalExpiry(now, start).toISOString()).toBe('2026-03-29T08:30:00.000Z');
    expect(approvalExpiry(now, new Date('2026-03-26T12:00:00Z')).toISOString()).toBe(now.toISOString());
  });
  it('needs approval when the course asks and the agency is not exempt', () => {
    expect(needsApproval({ requiresApproval: true }, null)).toBe(true);
    expect(needsApproval({ requiresApproval: true }, { approvalExempt: true })).toBe(false);
    expect(needsApproval({ requiresApproval: false }, { approvalExempt: false })).toBe(false);
  });
});

describe('live bookings', () => {
  it('counts waiting and place-holding bookings as live, by enum or by the value a client receives', () => {
    expect(isActive(BookingStatus.WAITLISTED)).toBe(true);
    expect(isActive('PENDING_APPROVAL')).toBe(true);
    expect(isActive('OFFERED')).toBe(true);
    expect(isActive('CONFIRMED')).toBe(true);
    expect(isActive('CANCELLED')).toBe(false);
    expect(isActive(BookingStatus.DECLINED)).toBe(false);
    expect(isActive('EXPIRED')).toBe(false);
  });
});

describe('bookingOutcome', () => {
  it('says what a booking made now would become', () => {
    expect(bookingOutcome({ capacity: 10, placesHeld: 3, waiting: 0, needsApproval: false })).toBe(BookingStatus.CONFIRMED);
    expect(bookingOutcome({ capacity: 10, placesHeld: 3, waiting: 0, needsApproval: true })).toBe(BookingStatus.PENDING_APPROVAL);
    expect(bookingOutcome({ capacity: 10, placesHeld: 10, waiting: 0, needsApproval: true })).toBe(BookingStatus.WAITLISTED);
    expect(bookingOutcome({ capacity: 10, placesHeld: 9, waiting: 2, needsApproval: false })).toBe(BookingStatus.WAITLISTED);
  });
});
