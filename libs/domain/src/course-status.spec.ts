import {
  CourseStatus,
  courseBookingRefusal,
  courseStatusChangeProblem,
  isListedInCatalogue,
  isOpenToEveryone,
  newSessionProblem,
  takesNewSessions,
} from './course-status';
import { ErrorCode } from './errors';

describe('course status rules', () => {
  it('lists only published courses in the catalogue; everyone may open published and archived ones', () => {
    expect(isListedInCatalogue(CourseStatus.PUBLISHED)).toBe(true);
    expect(isListedInCatalogue(CourseStatus.DRAFT)).toBe(false);
    expect(isListedInCatalogue(CourseStatus.ARCHIVED)).toBe(false);
    expect(isOpenToEveryone(CourseStatus.DRAFT)).toBe(false);
    expect(isOpenToEveryone(CourseStatus.PUBLISHED)).toBe(true);
    expect(isOpenToEveryone(CourseStatus.ARCHIVED)).toBe(true);
  });

  it("refuses bookings of a draft's sessions; an archived course's existing sessions stay bookable", () => {
    expect(courseBookingRefusal(CourseStatus.DRAFT)).toEqual({
      code: ErrorCode.BookingNotOpen,
      message: 'This course is not published yet, so its sessions cannot be booked.',
    });
    expect(courseBookingRefusal(CourseStatus.PUBLISHED)).toBeNull();
    expect(courseBookingRefusal(CourseStatus.ARCHIVED)).toBeNull();
  });

  it('takes new sessions on drafts and published courses, never on archived ones', () => {
    expect(takesNewSessions(CourseStatus.DRAFT)).toBe(true);
    expect(takesNewSessions(CourseStatus.PUBLISHED)).toBe(true);
    expect(newSessionProblem(CourseStatus.PUBLISHED, 'input.courseId')).toBeNull();
    expect(newSessionProblem(CourseStatus.ARCHIVED, 'input.courseId')).toEqual({
      field: 'input.courseId',
      message: 'This course is archived, so no new sessions can be added to it: publish it again first',
    });
  });

  it('publishes a draft, archives a published course and brings an archived one back, and nothing else', () => {
    expect(courseStatusChangeProblem(CourseStatus.DRAFT, CourseStatus.PUBLISHED)).toBeNull();
    expect(courseStatusChangeProblem(CourseStatus.PUBLISHED, CourseStatus.ARCHIVED)).toBeNull();
    expect(courseStatusChangeProblem(CourseStatus.ARCHIVED, CourseStatus.PUBLISHED)).toBeNull();
    expect(courseStatusChangeProblem(CourseStatus.PUBLISHED, CourseStatus.PUBLISHED)).toBe('This course is already published.');
    expect(courseStatusChangeProblem(CourseStatus.DRAFT, CourseStatus.ARCHIVED)).toMatch(/cannot be archived: publish it first/);
    expect(courseStatusChangeProblem(CourseStatus.PUBLISHED, CourseStatus.DRAFT)).toBe(
      'A published course cannot go back to being a draft.',
    );
    expect(courseStatusChangeProblem(CourseStatus.ARCHIVED, CourseStatus.DRAFT)).toBe(
      'An archived course cannot go back to being a draft.',
    );
  });
});
