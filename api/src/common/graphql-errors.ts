import { BadRequestException, Logger } from '@nestjs/common';
import { DomainError, ErrorCode, httpStatusFor, type FieldProblem } from '@lh/domain';
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

/** Flattens class-validator errors to field paths, e.g. "filter.level". */
export function fieldProblems(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({
      field,
      message: message.replace(new RegExp(`^${e.property}\\b`), field),
    }));
    return [...own, ...fieldProblems(e.children ?? [], field)];
  });
}

/** The ValidationPipe's exceptionFactory: invalid input becomes a DomainError naming the fields. */
export function validationError(errors: ValidationError[], argument = ''): DomainError {
  const fields = fieldProblems(errors, argument);
  return new DomainError(ErrorCode.BadUserInput, fields.map((f) => f.message).join('; '), fields);
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
  logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  return {
    message: 'Something went wrong on our side. Please try again; if it keeps happening, contact the training team.',
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
