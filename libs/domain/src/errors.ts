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
}

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
      return 403;
    case ErrorCode.NotFound:
      return 404;
  }
}
