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
