import { ErrorCode, type FieldProblem } from './errors';
import type { Refusal } from './booking-rules';

/**
 * Where a course is in its life: a DRAFT is being prepared (not in the catalogue, nobody can open or book it;
 * its sessions can be scheduled), PUBLISHED is in the catalogue, ARCHIVED is kept for history (records,
 * reports, certificates) but is not in the catalogue and takes no new sessions.
 */
export enum CourseStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  ARCHIVED = 'ARCHIVED',
}

export const courseStatusLabels: Record<`${CourseStatus}`, string> = {
  [CourseStatus.DRAFT]: 'Draft',
  [CourseStatus.PUBLISHED]: 'Published',
  [CourseStatus.ARCHIVED]: 'Archived',
};

/** Whether the course is listed in the catalogue people search. */
export function isListedInCatalogue(status: `${CourseStatus}`): boolean {
  return status === CourseStatus.PUBLISHED;
}

/** Whether people other than coordinators may open the course and its sessions (an archived one keeps its history). */
export function isOpenToEveryone(status: `${CourseStatus}`): boolean {
  return status !== CourseStatus.DRAFT;
}

/** Why a session of this course cannot be booked (or a person be put on it), or null when it can. */
export function courseBookingRefusal(status: `${CourseStatus}`): Refusal | null {
  return status === CourseStatus.DRAFT
    ? { code: ErrorCode.BookingNotOpen, message: 'This course is not published yet, so its sessions cannot be booked.' }
    : null;
}

/** Whether the course may take new sessions (created or copied onto it). */
export function takesNewSessions(status: `${CourseStatus}`): boolean {
  return status !== CourseStatus.ARCHIVED;
}

/** Why no new session can be created or copied onto this course, or null when it can. */
export function newSessionProblem(status: `${CourseStatus}`, field = 'courseId'): FieldProblem | null {
  return takesNewSessions(status)
    ? null
    : { field, message: 'This course is archived, so no new sessions can be added to it: publish it again first' };
}

/** The changes a coordinator can make: publish a draft, archive a published course, publish an archived one again. */
const ALLOWED: Record<`${CourseStatus}`, readonly CourseStatus[]> = {
  [CourseStatus.DRAFT]: [CourseStatus.PUBLISHED],
  [CourseStatus.PUBLISHED]: [CourseStatus.ARCHIVED],
  [CourseStatus.ARCHIVED]: [CourseStatus.PUBLISHED],
};

/** Why a course cannot go from one status to another, or null when it can. */
export function courseStatusChangeProblem(from: `${CourseStatus}`, to: `${CourseStatus}`): string | null {
  if (from === to) {
    return `This course is already ${courseStatusLabels[to].toLowerCase()}.`;
  }
  if (ALLOWED[from].includes(to as CourseStatus)) {
    return null;
  }
  return from === CourseStatus.DRAFT
    ? 'A draft course cannot be archived: publish it first, or leave it as a draft.'
    : `${from === CourseStatus.ARCHIVED ? 'An archived' : 'A published'} course cannot go back to being a draft.`;
}
