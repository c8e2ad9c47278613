import { BadRequestException, Logger } from '@nestjs/common';
import { DomainError, ErrorCode, UNAVAILABLE_MESSAGE, httpStatusFor, type FieldProblem } from '@lh/domain';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ValidationError } from 'class-validator';

const logger = new Logger('GraphQL');

/** Codes Apollo itself gives to requests that are not valid GraphQL: passed on as they are. */
const APOLLO_REQUEST_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** Flattens class-validator errors to field paths, e.g. "filter.level", each with its sentence. */
export function fieldProblems(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    // the message is the sentence people read (the form's words); the path says which field it is
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...fieldProblems(e.children ?? [], field)];
  });
}

/** The ValidationPipe's exceptionFactory: invalid input becomes a DomainError naming the fields. */
export function validationError(errors: ValidationError[], argument = ''): DomainError {
  const fields = fieldProblems(errors, argument);
  return new DomainError(ErrorCode.BadUserInput, fields.map((f) => f.message).join('; '), fields);
}

/**
 * One log line for an unexpected error: what failed (the operation), the error's class, its SQL state
 * or code, and where in the code (stack frames only). Never the message: a driver's message holds the
 * SQL and its bound values, which are people's data.
 */
export function logUnexpected(error: unknown, operation: string): void {
  const cause = error instanceof GraphQLError && error.originalError ? error.originalError : error;
  const name = cause instanceof Error ? cause.constructor.name : typeof cause;
  const { code, sqlState } = (typeof cause === 'object' && cause !== null ? cause : {}) as { code?: unknown; sqlState?: unknown };
  const state = [sqlState, code].find((c) => typeof c === 'string' || typeof c === 'number');
  const frames =
    cause instanceof Error
      ? (cause.stack ?? '')
          .split('\n')
          .filter((l) => /^\s+at /.test(l))
          .slice(0, 8)
      : [];
  logger.error([`${operation} failed: ${name}${state !== undefined ? ` (code ${String(state)})` : ''}`, ...frames].join('\n'));
}

/** Driver and pool signs that the database is down, restarting or out of connections (not a fault in the request). */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08006',
  '53300',
]);
const UNAVAILABLE_NAMES = new Set(['KnexTimeoutError', 'ConnectionException']);
const UNAVAILABLE_MESSAGES =
  /Connection terminated|Client has encountered a connection error|connection is closed|Timeout acquiring a connection/i;

/** Whether an error (or anything in its chain of causes) says the database could not be reached. */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 5) {
    return false;
  }
  const e = error as { code?: unknown; sqlState?: unknown; name?: unknown; message?: unknown; cause?: unknown; originalError?: unknown };
  const name = error instanceof Error ? error.constructor.name : e.name;
  return (
    UNAVAILABLE_CODES.has(String(e.code)) ||
    UNAVAILABLE_CODES.has(String(e.sqlState)) ||
    UNAVAILABLE_NAMES.has(String(name)) ||
    (typeof e.message === 'string' && UNAVAILABLE_MESSAGES.test(e.message)) ||
    isDatabaseUnavailable(e.originalError, depth + 1) ||
    isDatabaseUnavailable(e.cause, depth + 1)
  );
}

function domainErrorOf(error: unknown): DomainError | undefined {
  if (error instanceof DomainError) {
    return error;
  }
  if (error instanceof GraphQLError && error.originalError) {
    return domainErrorOf(error.originalError);
  }
  if (error instanceof BadRequestException) {
    const cause = (error as { cause?: unknown }).cause;
    if (cause instanceof DomainError) {
      return cause;
    }
  }
  return undefined;
}

/**
 * The one place where errors become what API clients see. Domain errors keep their code and
 * sentence; invalid GraphQL keeps Apollo's code; anything else is logged and hidden.
 * Never a stack trace.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const domain = domainErrorOf(error);
  if (domain) {
    return {
      message: domain.message,
      path: formatted.path,
      locations: formatted.locations,
      extensions: {
        code: domain.code,
        status: httpStatusFor(domain.code),
        ...(domain.fields.length ? { fields: domain.fields } : {}),
      },
    };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && APOLLO_REQUEST_CODES.has(code)) {
    return { message: formatted.message, locations: formatted.locations, extensions: { code } };
  }
  // Argument coercion failures (wrong type, unknown enum value) reach resolvers' clients as BAD_USER_INPUT.
  if (code === 'BAD_USER_INPUT') {
    return { message: formatted.message, locations: formatted.locations, extensions: { code: ErrorCode.BadUserInput } };
  }
  logUnexpected(error, formatted.path?.join('.') ?? 'request');
  if (isDatabaseUnavailable(error)) {
    return {
      message: UNAVAILABLE_MESSAGE,
      path: formatted.path,
      extensions: { code: ErrorCode.ServiceUnavailable, status: httpStatusFor(ErrorCode.ServiceUnavailable) },
    };
  }
  return {
    message: 'Something went wrong on our side. Please try again; if it keeps happening, contact the training team.',
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
