/** The roles a person can hold. A person may hold several. (Labels are keyed by value so GraphQL strings index them.) */
export enum Role {
  PRACTITIONER = 'PRACTITIONER',
  TRAINER = 'TRAINER',
  COORDINATOR = 'COORDINATOR',
  REVIEWER = 'REVIEWER',
  /** An agency's safeguarding lead: sees the training records and compliance of their own agency's staff only. */
  AGENCY_LEAD = 'AGENCY_LEAD',
}

/**
 * Where a person's account stands. Registration starts UNVERIFIED; a confirmed address on one of its
 * agency's domains becomes ACTIVE at once, any other waits as PENDING_APPROVAL for a coordinator.
 * Only ACTIVE accounts sign in. DEACTIVATED people (leavers) stay in history and reports. PROVISIONAL
 * accounts were made by a trainer for a walk-in: no password yet; claiming one (a link sent to the
 * address, or single sign-on) makes it ACTIVE.
 */
export enum PersonStatus {
  UNVERIFIED = 'UNVERIFIED',
  PENDING_APPROVAL = 'PENDING_APPROVAL',
  ACTIVE = 'ACTIVE',
  REFUSED = 'REFUSED',
  DEACTIVATED = 'DEACTIVATED',
  PROVISIONAL = 'PROVISIONAL',
  /** Personal data erased on request (UK GDPR): the row stays, without identity, so history and figures do not change. */
  ERASED = 'ERASED',
}

/** Accounts nobody can be booked onto a session for, not even by a coordinator (they are told why). */
export const UNBOOKABLE_ACCOUNTS: readonly PersonStatus[] = [PersonStatus.REFUSED, PersonStatus.DEACTIVATED, PersonStatus.ERASED];

export const personStatusLabels: Record<`${PersonStatus}`, string> = {
  [PersonStatus.UNVERIFIED]: 'Email address not confirmed yet',
  [PersonStatus.PENDING_APPROVAL]: 'Waiting for approval',
  [PersonStatus.ACTIVE]: 'Active',
  [PersonStatus.REFUSED]: 'Registration refused',
  [PersonStatus.DEACTIVATED]: 'Deactivated',
  [PersonStatus.PROVISIONAL]: 'Added as a walk-in, not claimed yet',
  [PersonStatus.ERASED]: 'Erased at their request',
};

/** What an erased person is called everywhere their name was shown. */
export const ERASED_PERSON_NAME = 'Erased person';

/** The address an erased person's account keeps (unique, and one no mail can be sent to: RFC 2606 .invalid). */
export const erasedEmailOf = (personId: string) => `erased-${personId}@erased.invalid`;

/** Agency sectors used by the partnership's reports. */
export enum AgencySector {
  CHILDRENS_SOCIAL_CARE = 'CHILDRENS_SOCIAL_CARE',
  EARLY_HELP = 'EARLY_HELP',
  EDUCATION = 'EDUCATION',
  EARLY_YEARS = 'EARLY_YEARS',
  HEALTH = 'HEALTH',
  POLICE = 'POLICE',
  PROBATION = 'PROBATION',
  YOUTH_JUSTICE = 'YOUTH_JUSTICE',
  HOUSING = 'HOUSING',
  VOLUNTARY_AND_COMMUNITY = 'VOLUNTARY_AND_COMMUNITY',
  FAITH = 'FAITH',
  SPORT = 'SPORT',
  OTHER = 'OTHER',
}

export const agencySectorLabels: Record<`${AgencySector}`, string> = {
  [AgencySector.CHILDRENS_SOCIAL_CARE]: "Children's social care",
  [AgencySector.EARLY_HELP]: 'Early help',
  [AgencySector.EDUCATION]: 'Education',
  [AgencySector.EARLY_YEARS]: 'Early years',
  [AgencySector.HEALTH]: 'Health',
  [AgencySector.POLICE]: 'Police',
  [AgencySector.PROBATION]: 'Probation',
  [AgencySector.YOUTH_JUSTICE]: 'Youth justice',
  [AgencySector.HOUSING]: 'Housing',
  [AgencySector.VOLUNTARY_AND_COMMUNITY]: 'Voluntary and community',
  [AgencySector.FAITH]: 'Faith',
  [AgencySector.SPORT]: 'Sport',
  [AgencySector.OTHER]: 'Other',
};

/** How a course is delivered. */
export enum CourseFormat {
  FACE_TO_FACE = 'FACE_TO_FACE',
  VIRTUAL = 'VIRTUAL',
  E_LEARNING = 'E_LEARNING',
  LEARNING_CIRCLE = 'LEARNING_CIRCLE',
  PRACTITIONER_LEARNING_EVENT = 'PRACTITIONER_LEARNING_EVENT',
  CONFERENCE = 'CONFERENCE',
  BRIEFING = 'BRIEFING',
}

export const courseFormatLabels: Record<`${CourseFormat}`, string> = {
  [CourseFormat.FACE_TO_FACE]: 'Face to face',
  [CourseFormat.VIRTUAL]: 'Virtual (live online)',
  [CourseFormat.E_LEARNING]: 'E-learning',
  [CourseFormat.LEARNING_CIRCLE]: 'Learning circle',
  [CourseFormat.PRACTITIONER_LEARNING_EVENT]: 'Practitioner learning event',
  [CourseFormat.CONFERENCE]: 'Conference',
  [CourseFormat.BRIEFING]: 'Briefing',
};

export const MIN_LEVEL = 1;
export const MAX_LEVEL = 4;

export const levelLabels: Readonly<Record<number, string>> = {
  1: 'Level 1: basic awareness',
  2: 'Level 2: foundation',
  3: 'Level 3: multi-agency practitioner',
  4: 'Level 4: specialist',
};

export enum SessionStatus {
  SCHEDULED = 'SCHEDULED',
  CANCELLED = 'CANCELLED',
}

/** Where a person's booking stands. See libs/domain/src/booking-rules.ts for the transitions. */
export enum BookingStatus {
  /** Waiting for the line manager's decision; the place is held. */
  PENDING_APPROVAL = 'PENDING_APPROVAL',
  CONFIRMED = 'CONFIRMED',
  WAITLISTED = 'WAITLISTED',
  /** A freed place is offered to this person until the offer expires; the place is held. */
  OFFERED = 'OFFERED',
  CANCELLED = 'CANCELLED',
  /** The line manager declined. */
  DECLINED = 'DECLINED',
  /** An approval request ran out of time. */
  EXPIRED = 'EXPIRED',
}

export const bookingStatusLabels: Record<`${BookingStatus}`, string> = {
  [BookingStatus.PENDING_APPROVAL]: 'Awaiting manager approval',
  [BookingStatus.CONFIRMED]: 'Confirmed',
  [BookingStatus.WAITLISTED]: 'On the waiting list',
  [BookingStatus.OFFERED]: 'Place offered',
  [BookingStatus.CANCELLED]: 'Cancelled',
  [BookingStatus.DECLINED]: 'Declined by manager',
  [BookingStatus.EXPIRED]: 'Approval expired',
};

export const roleLabels: Record<`${Role}`, string> = {
  [Role.PRACTITIONER]: 'Practitioner',
  [Role.TRAINER]: 'Trainer',
  [Role.COORDINATOR]: 'Coordinator',
  [Role.REVIEWER]: 'Reviewer',
  [Role.AGENCY_LEAD]: 'Agency lead',
};
