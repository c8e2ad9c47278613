import { Injectable, type PipeTransform } from '@nestjs/common';
import { Args } from '@nestjs/graphql';
import { DomainError, ErrorCode } from '@lh/domain';

/** The longest reason anywhere (cancelling, declining, moving, adding a person), as on the forms. */
export const MAX_REASON_LENGTH = 500;

@Injectable()
class MaxLengthPipe implements PipeTransform<unknown, unknown> {
  constructor(
    private readonly field: string,
    private readonly maxLength: number,
    private readonly message: string,
  ) {}

  transform(value: unknown): unknown {
    if (typeof value === 'string' && value.trim().length > this.maxLength) {
      throw new DomainError(ErrorCode.BadUserInput, this.message, [{ field: this.field, message: this.message }]);
    }
    return value;
  }
}

/**
 * A free-text String argument with a maximum length (after trimming), refused with BAD_USER_INPUT
 * naming it. Input objects' fields carry `@MaxLength` instead; characters that cannot be stored are
 * refused for every argument by InputValidationPipe.
 */
export function TextArg(name: string, opts: { maxLength: number; message: string; nullable?: boolean }): ParameterDecorator {
  return Args(name, { type: () => String, nullable: opts.nullable }, new MaxLengthPipe(name, opts.maxLength, opts.message));
}

/** An optional reason given with a change: at most MAX_REASON_LENGTH characters. */
export const ReasonArg = (name = 'reason') =>
  TextArg(name, { nullable: true, maxLength: MAX_REASON_LENGTH, message: `The reason must be ${MAX_REASON_LENGTH} characters or fewer` });
