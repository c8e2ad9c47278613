/** Every kind of mail Learning Hub sends. */
export enum MailKind {
  BOOKING_CONFIRMED = 'BOOKING_CONFIRMED',
  WAITING_LIST_JOINED = 'WAITING_LIST_JOINED',
  PLACE_OFFERED = 'PLACE_OFFERED',
  OFFER_EXPIRED = 'OFFER_EXPIRED',
  APPROVAL_REQUESTED = 'APPROVAL_REQUESTED',
  BOOKING_APPROVED = 'BOOKING_APPROVED',
  BOOKING_DECLINED = 'BOOKING_DECLINED',
  BOOKING_CANCELLED = 'BOOKING_CANCELLED',
  SESSION_CHANGED = 'SESSION_CHANGED',
  SESSION_CANCELLED = 'SESSION_CANCELLED',
  REMINDER = 'REMINDER',
  JOINING_INSTRUCTIONS = 'JOINING_INSTRUCTIONS',
  /** To the practitioner: whom we asked to approve, and until when the place is held. */
  APPROVAL_PENDING = 'APPROVAL_PENDING',
  /** To the line manager: what they decided. */
  APPROVAL_DECIDED = 'APPROVAL_DECIDED',
  /** Accounts: confirm the email address given at registration (single-use, expiring link). */
  ACCOUNT_VERIFY = 'ACCOUNT_VERIFY',
  /** Accounts: someone registered with an address that already has an account (says what to do instead). */
  ACCOUNT_EXISTS = 'ACCOUNT_EXISTS',
  /** Accounts: a one-time sign-in link. */
  SIGN_IN_LINK = 'SIGN_IN_LINK',
  /** Accounts: a link to choose a new password. */
  PASSWORD_RESET = 'PASSWORD_RESET',
  /** Accounts: the password was changed (other sessions were signed out). */
  PASSWORD_CHANGED = 'PASSWORD_CHANGED',
  /** Accounts: a coordinator approved a registration waiting in the queue. */
  REGISTRATION_APPROVED = 'REGISTRATION_APPROVED',
  /** Accounts: a coordinator refused a registration. */
  REGISTRATION_REFUSED = 'REGISTRATION_REFUSED',
  /** Accounts: a coordinator added the person and invites them to set a password. */
  ACCOUNT_INVITED = 'ACCOUNT_INVITED',
  /** Accounts: a coordinator decided a request to join or move to an agency. */
  AGENCY_REQUEST_DECIDED = 'AGENCY_REQUEST_DECIDED',
  /** To the person: their place moved to another date (the new date's invites and the old one's cancellations in one mail). */
  BOOKING_MOVED = 'BOOKING_MOVED',
  /** To a trainer: they were put on a session (an invite per part). */
  TRAINER_ASSIGNED = 'TRAINER_ASSIGNED',
  /** To a trainer: a session they train changed (updated invites). */
  TRAINER_SESSION_CHANGED = 'TRAINER_SESSION_CHANGED',
  /** To a trainer: they were taken off a session (its invites cancelled). */
  TRAINER_REMOVED = 'TRAINER_REMOVED',
  /** To a trainer: a session they train was called off (its invites cancelled). */
  TRAINER_SESSION_CANCELLED = 'TRAINER_SESSION_CANCELLED',
  /** To a walk-in a trainer made an account for: they were added at the door, and how to claim the account. */
  WALK_IN_ADDED = 'WALK_IN_ADDED',
  /** To the person: the register shows they did not attend (what they missed, any charge to their agency, how to rebook). */
  NON_ATTENDANCE = 'NON_ATTENDANCE',
  /** To their line manager, where the agency asks for a copy of non-attendance mail. */
  NON_ATTENDANCE_MANAGER_COPY = 'NON_ATTENDANCE_MANAGER_COPY',
  /** To the person: their certificate for a course they attended (with the code and how to check it). */
  CERTIFICATE_ISSUED = 'CERTIFICATE_ISSUED',
  /** To the person: a correction to the register took their certificate away (with the reason). */
  CERTIFICATE_REVOKED = 'CERTIFICATE_REVOKED',
  /** To the person: a coordinator verified or rejected learning they recorded from elsewhere. */
  EXTERNAL_LEARNING_DECIDED = 'EXTERNAL_LEARNING_DECIDED',
  /** To the person: mandatory training falls due soon (a refresher, or a new starter's deadline). */
  TRAINING_DUE = 'TRAINING_DUE',
  /** To the person: mandatory training is overdue or has expired. */
  TRAINING_OVERDUE = 'TRAINING_OVERDUE',
  /** To an attendee: a survey to answer (end of course, 6 or 12 months). */
  SURVEY_INVITATION = 'SURVEY_INVITATION',
  /** To an attendee or line manager: a reminder of a survey not answered yet. */
  SURVEY_REMINDER = 'SURVEY_REMINDER',
  /** To a line manager: the manager's version of a 6- or 12-month survey about someone they manage. */
  SURVEY_MANAGER_INVITATION = 'SURVEY_MANAGER_INVITATION',
  /** To everyone on a session in one status: a message the training team wrote (a room change, what to bring). */
  SESSION_MESSAGE = 'SESSION_MESSAGE',
  /** To someone who asked to be told when a course without dates gets new ones: the dates and a link to book. */
  NEW_DATES = 'NEW_DATES',
}

export const mailKindLabels: Record<`${MailKind}`, string> = {
  [MailKind.BOOKING_CONFIRMED]: 'Booking confirmed',
  [MailKind.WAITING_LIST_JOINED]: 'Waiting list joined',
  [MailKind.PLACE_OFFERED]: 'Place offered',
  [MailKind.OFFER_EXPIRED]: 'Offer expired',
  [MailKind.APPROVAL_REQUESTED]: 'Approval requested',
  [MailKind.BOOKING_APPROVED]: 'Booking approved',
  [MailKind.BOOKING_DECLINED]: 'Booking declined',
  [MailKind.BOOKING_CANCELLED]: 'Booking cancelled',
  [MailKind.SESSION_CHANGED]: 'Session changed',
  [MailKind.SESSION_CANCELLED]: 'Session cancelled',
  [MailKind.REMINDER]: 'Reminder',
  [MailKind.JOINING_INSTRUCTIONS]: 'Joining instructions',
  [MailKind.APPROVAL_PENDING]: 'Approval requested (to the practitioner)',
  [MailKind.APPROVAL_DECIDED]: 'Approval decision (to the line manager)',
  [MailKind.ACCOUNT_VERIFY]: 'Confirm your email address',
  [MailKind.ACCOUNT_EXISTS]: 'Registration for an existing account',
  [MailKind.SIGN_IN_LINK]: 'Sign-in link',
  [MailKind.PASSWORD_RESET]: 'Password reset',
  [MailKind.PASSWORD_CHANGED]: 'Password changed',
  [MailKind.REGISTRATION_APPROVED]: 'Registration approved',
  [MailKind.REGISTRATION_REFUSED]: 'Registration refused',
  [MailKind.ACCOUNT_INVITED]: 'Invitation to set a password',
  [MailKind.AGENCY_REQUEST_DECIDED]: 'Agency request decided',
  [MailKind.BOOKING_MOVED]: 'Booking moved to another date',
  [MailKind.TRAINER_ASSIGNED]: 'Trainer assigned to a session',
  [MailKind.TRAINER_SESSION_CHANGED]: 'Session changed (to its trainers)',
  [MailKind.TRAINER_REMOVED]: 'Trainer taken off a session',
  [MailKind.TRAINER_SESSION_CANCELLED]: 'Session cancelled (to its trainers)',
  [MailKind.WALK_IN_ADDED]: 'Added at the door (claim your account)',
  [MailKind.NON_ATTENDANCE]: 'Did not attend',
  [MailKind.NON_ATTENDANCE_MANAGER_COPY]: 'Did not attend (copy to the line manager)',
  [MailKind.CERTIFICATE_ISSUED]: 'Certificate issued',
  [MailKind.CERTIFICATE_REVOKED]: 'Certificate revoked',
  [MailKind.EXTERNAL_LEARNING_DECIDED]: 'Learning from elsewhere decided',
  [MailKind.TRAINING_DUE]: 'Mandatory training due',
  [MailKind.TRAINING_OVERDUE]: 'Mandatory training overdue',
  [MailKind.SURVEY_INVITATION]: 'Survey invitation',
  [MailKind.SURVEY_REMINDER]: 'Survey reminder',
  [MailKind.SURVEY_MANAGER_INVITATION]: "Line manager's survey",
  [MailKind.SESSION_MESSAGE]: 'Message from the training team',
  [MailKind.NEW_DATES]: 'New dates added',
};

/** Where one outgoing mail is: waiting (or retrying), handed to the SMTP server, given up on, or withdrawn before sending. */
export enum MailStatus {
  PENDING = 'PENDING',
  SENT = 'SENT',
  FAILED = 'FAILED',
  CANCELLED = 'CANCELLED',
}

export const mailStatusLabels: Record<`${MailStatus}`, string> = {
  [MailStatus.PENDING]: 'Waiting to send',
  [MailStatus.SENT]: 'Sent',
  [MailStatus.FAILED]: 'Failed',
  [MailStatus.CANCELLED]: 'Not sent (no longer needed)',
};

/**
 * When to try again after a failed attempt: `baseSeconds` after the first failure, doubling each
 * time (60 s, 2 min, 4 min, ...). Null when `attempts` has reached `maxAttempts`: give up.
 */
export function nextRetryAt(failedAt: Date, attempts: number, maxAttempts: number, baseSeconds: number): Date | null {
  if (!Number.isInteger(attempts) || attempts < 1) {
    throw new RangeError('attempts must be 1 or more after a failure');
  }
  if (attempts >= maxAttempts) {
    return null;
  }
  return new Date(failedAt.getTime() + baseSeconds * 1000 * 2 ** (attempts - 1));
}

/**
 * Which mail goes first when many are waiting (lower first). Someone waiting on the screen for a
 * link must not wait behind the certificates and surveys of a 250-person register.
 */
export enum MailPriority {
  /** Someone is waiting for it now: a sign-in or confirmation link, a new password. */
  WAITING = 0,
  /** About one person's booking, account or session, and often time-limited (an offered place). */
  PERSONAL = 1,
  /** Sent in batches, where minutes do not matter: reminders, certificates, surveys, training due. */
  BATCH = 2,
}

const mailPriorities: Record<`${MailKind}`, MailPriority> = {
  [MailKind.ACCOUNT_VERIFY]: MailPriority.WAITING,
  [MailKind.ACCOUNT_EXISTS]: MailPriority.WAITING,
  [MailKind.SIGN_IN_LINK]: MailPriority.WAITING,
  [MailKind.PASSWORD_RESET]: MailPriority.WAITING,
  [MailKind.PASSWORD_CHANGED]: MailPriority.WAITING,
  [MailKind.ACCOUNT_INVITED]: MailPriority.WAITING,
  [MailKind.WALK_IN_ADDED]: MailPriority.WAITING,
  [MailKind.BOOKING_CONFIRMED]: MailPriority.PERSONAL,
  [MailKind.WAITING_LIST_JOINED]: MailPriority.PERSONAL,
  [MailKind.PLACE_OFFERED]: MailPriority.PERSONAL,
  [MailKind.OFFER_EXPIRED]: MailPriority.PERSONAL,
  [MailKind.APPROVAL_REQUESTED]: MailPriority.PERSONAL,
  [MailKind.BOOKING_APPROVED]: MailPriority.PERSONAL,
  [MailKind.BOOKING_DECLINED]: MailPriority.PERSONAL,
  [MailKind.BOOKING_CANCELLED]: MailPriority.PERSONAL,
  [MailKind.BOOKING_MOVED]: MailPriority.PERSONAL,
  [MailKind.APPROVAL_PENDING]: MailPriority.PERSONAL,
  [MailKind.APPROVAL_DECIDED]: MailPriority.PERSONAL,
  [MailKind.REGISTRATION_APPROVED]: MailPriority.PERSONAL,
  [MailKind.REGISTRATION_REFUSED]: MailPriority.PERSONAL,
  [MailKind.AGENCY_REQUEST_DECIDED]: MailPriority.PERSONAL,
  [MailKind.SESSION_CHANGED]: MailPriority.PERSONAL,
  [MailKind.SESSION_CANCELLED]: MailPriority.PERSONAL,
  [MailKind.TRAINER_ASSIGNED]: MailPriority.PERSONAL,
  [MailKind.TRAINER_SESSION_CHANGED]: MailPriority.PERSONAL,
  [MailKind.TRAINER_REMOVED]: MailPriority.PERSONAL,
  [MailKind.TRAINER_SESSION_CANCELLED]: MailPriority.PERSONAL,
  [MailKind.EXTERNAL_LEARNING_DECIDED]: MailPriority.PERSONAL,
  [MailKind.REMINDER]: MailPriority.BATCH,
  [MailKind.JOINING_INSTRUCTIONS]: MailPriority.BATCH,
  [MailKind.NON_ATTENDANCE]: MailPriority.BATCH,
  [MailKind.NON_ATTENDANCE_MANAGER_COPY]: MailPriority.BATCH,
  [MailKind.CERTIFICATE_ISSUED]: MailPriority.BATCH,
  [MailKind.CERTIFICATE_REVOKED]: MailPriority.BATCH,
  [MailKind.TRAINING_DUE]: MailPriority.BATCH,
  [MailKind.TRAINING_OVERDUE]: MailPriority.BATCH,
  [MailKind.SURVEY_INVITATION]: MailPriority.BATCH,
  [MailKind.SURVEY_REMINDER]: MailPriority.BATCH,
  [MailKind.SURVEY_MANAGER_INVITATION]: MailPriority.BATCH,
  [MailKind.SESSION_MESSAGE]: MailPriority.PERSONAL,
  [MailKind.NEW_DATES]: MailPriority.BATCH,
};

/** The priority a mail of this kind is queued with (every kind has one). */
export function mailPriorityOf(kind: MailKind): MailPriority {
  return mailPriorities[kind];
}
