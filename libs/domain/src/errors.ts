/**
 * Every error a person can meet has a code (stable, for programs) and a sentence (for people).
 * The API puts the code in GraphQL `extensions.code`; the web app shows the sentence.
 */
export enum ErrorCode {
  BadUserInput = 'BAD_USER_INPUT',
  Unauthenticated = 'UNAUTHENTICATED',
  NotAllowed = 'NOT_ALLOWED',
  NotFound = 'NOT_FOUND',
  InvalidCredentials = 'INVALID_CREDENTIALS',
  SessionCancelled = 'SESSION_CANCELLED',
  SessionStarted = 'SESSION_STARTED',
  BookingNotOpen = 'BOOKING_NOT_OPEN',
  BookingClosed = 'BOOKING_CLOSED',
  AlreadyBooked = 'ALREADY_BOOKED',
  AlreadyBookedOnCourse = 'ALREADY_BOOKED_ON_COURSE',
  NotEligible = 'NOT_ELIGIBLE',
  PrerequisiteNotMet = 'PREREQUISITE_NOT_MET',
  ManagerEmailRequired = 'MANAGER_EMAIL_REQUIRED',
  InvalidTransition = 'INVALID_TRANSITION',
  OfferExpired = 'OFFER_EXPIRED',
  AlreadyDecided = 'ALREADY_DECIDED',
  InvalidToken = 'INVALID_TOKEN',
  TokenExpired = 'TOKEN_EXPIRED',
  CapacityBelowConfirmed = 'CAPACITY_BELOW_CONFIRMED',
  SessionFull = 'SESSION_FULL',
  IdempotencyConflict = 'IDEMPOTENCY_CONFLICT',
  TrainerUnavailable = 'TRAINER_UNAVAILABLE',
  /** The change would leave the partnership with no active coordinator. */
  LastCoordinator = 'LAST_COORDINATOR',
  /** The account exists but cannot sign in (not confirmed, waiting for approval, refused or deactivated). */
  AccountNotActive = 'ACCOUNT_NOT_ACTIVE',
  /** Too many attempts: the message says when to try again. */
  TooManyAttempts = 'TOO_MANY_ATTEMPTS',
  /** A request bigger than the API reads (far more text than any form field takes). */
  TooLarge = 'TOO_LARGE',
  /** The register of that part cannot be marked yet (it opens 15 minutes before the part starts). */
  RegisterNotOpen = 'REGISTER_NOT_OPEN',
  /** The time for marking the register has passed. */
  RegisterClosed = 'REGISTER_CLOSED',
  /** The register has been signed off: only a coordinator can change it, with a reason. */
  RegisterSignedOff = 'REGISTER_SIGNED_OFF',
  /** A self check-in code that matches no register open now: mistyped or made up. */
  CheckInCodeInvalid = 'CHECK_IN_CODE_INVALID',
  /** A self check-in code that was right, but has rotated out since (scan the screen again). */
  CheckInCodeExpired = 'CHECK_IN_CODE_EXPIRED',
  /** The person is already marked present on that part (checked in or by the trainer). */
  AlreadyCheckedIn = 'ALREADY_CHECKED_IN',
  /** The trainer has already marked the person otherwise: self check-in never overrides a trainer's mark. */
  AlreadyMarked = 'ALREADY_MARKED',
  /** The person's place is on another session of the course than the code's. */
  CheckInWrongSession = 'CHECK_IN_WRONG_SESSION',
  /** The database could not be reached or was restarting (or the API was too busy to get a connection): try again. */
  ServiceUnavailable = 'SERVICE_UNAVAILABLE',
}

/** What a person is told when the database was unreachable for a moment. */
export const UNAVAILABLE_MESSAGE =
  'The service is busy or restarting. Wait a moment and try again: if what you did has not happened, do it again.';

/** What a person is told when what they sent is bigger than the API reads. */
export const TOO_LARGE_MESSAGE = 'What you entered is too long. Shorten the text in the form and send it again.';

export interface FieldProblem {
  /** Path of the input field, for example "filter.level". */
  field: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields: FieldProblem[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** The HTTP status that best describes each code (exhaustive: a new code must be placed here). */
export function httpStatusFor(code: ErrorCode): number {
  switch (code) {
    case ErrorCode.BadUserInput:
      return 400;
    case ErrorCode.Unauthenticated:
    case ErrorCode.InvalidCredentials:
      return 401;
    case ErrorCode.NotAllowed:
    case ErrorCode.AccountNotActive:
      return 403;
    case ErrorCode.TooManyAttempts:
      return 429;
    case ErrorCode.NotFound:
      return 404;
    case ErrorCode.SessionCancelled:
    case ErrorCode.SessionStarted:
    case ErrorCode.BookingNotOpen:
    case ErrorCode.BookingClosed:
    case ErrorCode.AlreadyBooked:
    case ErrorCode.AlreadyBookedOnCourse:
    case ErrorCode.InvalidTransition:
    case ErrorCode.OfferExpired:
    case ErrorCode.AlreadyDecided:
    case ErrorCode.TokenExpired:
    case ErrorCode.CapacityBelowConfirmed:
    case ErrorCode.SessionFull:
    case ErrorCode.IdempotencyConflict:
    case ErrorCode.TrainerUnavailable:
    case ErrorCode.LastCoordinator:
    case ErrorCode.RegisterNotOpen:
    case ErrorCode.RegisterClosed:
    case ErrorCode.RegisterSignedOff:
    case ErrorCode.CheckInCodeExpired:
    case ErrorCode.AlreadyCheckedIn:
    case ErrorCode.AlreadyMarked:
    case ErrorCode.CheckInWrongSession:
      return 409;
    case ErrorCode.NotEligible:
    case ErrorCode.PrerequisiteNotMet:
      return 403;
    case ErrorCode.ManagerEmailRequired:
    case ErrorCode.InvalidToken:
    case ErrorCode.CheckInCodeInvalid:
      return 400;
    case ErrorCode.TooLarge:
      return 413;
    case ErrorCode.ServiceUnavailable:
      return 503;
  }
}
