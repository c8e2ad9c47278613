import { Injectable, type PipeTransform } from '@nestjs/common';
import { Args, ID } from '@nestjs/graphql';
import { DomainError, ErrorCode, invalidIdMessage, isUuid } from '@lh/domain';

/**
 * Ids are UUIDs, checked once at the edge: an argument declared with `IdArg` that is not a UUID is
 * answered with BAD_USER_INPUT naming it, before any resolver or query runs (id fields of input
 * objects carry `@IsUUID` with the words of their form). Services can then trust every id they get.
 */
@Injectable()
class UuidPipe implements PipeTransform<unknown, unknown> {
  constructor(private readonly field: string) {}

  transform(value: unknown): unknown {
    if (value === null || value === undefined) {
      return value;
    }
    if (typeof value === 'string' && isUuid(value)) {
      return value.toLowerCase();
    }
    const message = invalidIdMessage(this.field);
    throw new DomainError(ErrorCode.BadUserInput, message, [{ field: this.field, message }]);
  }
}

const idArguments = new Set<string>();

/** Whether some operation declares an argument of this name with `IdArg` (its pipe then checks it). */
export function isIdArgument(name: string): boolean {
  return idArguments.has(name);
}

/** A GraphQL argument that is an id (`ID` in the schema), refused unless it is a UUID. */
export function IdArg(name: string, opts: { nullable?: boolean } = {}): ParameterDecorator {
  idArguments.add(name);
  return Args(name, { type: () => ID, nullable: opts.nullable }, new UuidPipe(name));
}
