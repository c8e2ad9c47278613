import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DomainError, ErrorCode, type FieldProblem } from '@lh/domain';
import { validationError } from './graphql-errors';
import { isIdArgument } from './ids';
import { Clock } from './clock';

const PRIMITIVES = new Set<unknown>([String, Boolean, Number, Array, Object]);

/** How far from now a date argument may be (dates further away are mistakes or attacks). */
const MAX_DATE_ARG_YEARS = 20;

/** Half of a UTF-16 pair on its own: not a character at all. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What people call an argument or field, e.g. "dietaryNeeds" becomes "Dietary needs". */
export function labelOf(field: string): string {
  const words = field.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Text PostgreSQL cannot store (a NUL byte) or that is not real text (half of a UTF-16 pair), anywhere
 * in a value: the path of each string that holds one, e.g. "input.learningOutcomes".
 */
function unstorableText(value: unknown, path: string, depth = 0): string[] {
  if (typeof value === 'string') {
    return value.includes('\u0000') || LONE_SURROGATE.test(value) ? [path] : [];
  }
  if (depth > 10 || value === null || typeof value !== 'object' || value instanceof Date) {
    return [];
  }
  if (Array.isArray(value)) {
    return value.flatMap((v: unknown, i) => unstorableText(v, typeof v === 'object' && v !== null ? `${path}.${i}` : path, depth + 1));
  }
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => unstorableText(v, path ? `${path}.${k}` : k, depth + 1));
}

function refuse(fields: FieldProblem[]): DomainError {
  return new DomainError(ErrorCode.BadUserInput, fields.map((f) => f.message).join('; '), fields);
}

/**
 * The edge for every GraphQL argument. Text anywhere in any argument that cannot be stored (a NUL
 * byte, broken UTF-16) is refused once, here, naming the field; dates that are not real or absurdly
 * far away are refused; input objects are validated with their class-validator rules. A failure is
 * a BAD_USER_INPUT DomainError that names each field by its path, e.g. "filter.level".
 */
@Injectable()
export class InputValidationPipe implements PipeTransform {
  constructor(private readonly clock: Clock) {}

  async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const type = metadata.metatype;
    if (metadata.type === 'custom') {
      return value;
    }
    const name = metadata.data ?? '';
    // id arguments are refused by their own pipe (not a UUID), with their own sentence
    const bad = typeof value === 'string' && isIdArgument(name) ? [] : unstorableText(value, name);
    if (bad.length) {
      throw refuse(
        [...new Set(bad)].map((field) => ({
          field,
          message: `${labelOf(
            field
              .split('.')
              .filter((p) => !/^\d+$/.test(p))
              .pop() ?? field,
          )} contains a character that cannot be used: remove it and try again`,
        })),
      );
    }
    if (value instanceof Date) {
      return checkedDate(value, name, this.clock.now());
    }
    if (!type || PRIMITIVES.has(type) || value === null || value === undefined || typeof value !== 'object') {
      return value;
    }
    const instance = plainToInstance(type, value) as object;
    const errors = await validate(instance, { whitelist: true, forbidUnknownValues: false });
    if (errors.length) {
      throw validationError(errors, name);
    }
    return instance;
  }
}

function checkedDate(value: Date, name: string, now: Date): Date {
  const label = labelOf(name);
  if (Number.isNaN(value.getTime())) {
    throw refuse([{ field: name, message: `${label} must be a real date and time, like 2026-03-03T09:30:00Z` }]);
  }
  const years = Math.abs(value.getTime() - now.getTime()) / (365.25 * 86_400_000);
  if (years > MAX_DATE_ARG_YEARS) {
    throw refuse([{ field: name, message: `${label} must be within ${MAX_DATE_ARG_YEARS} years of today` }]);
  }
  return value;
}
