import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { validationError } from './graphql-errors';

const PRIMITIVES = new Set<unknown>([String, Boolean, Number, Array, Object]);

/**
 * Validates every GraphQL input object with its class-validator rules. A failure becomes a
 * BAD_USER_INPUT DomainError that names each field by its path, e.g. "filter.level".
 */
@Injectable()
export class InputValidationPipe implements PipeTransform {
  async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const type = metadata.metatype;
    if (metadata.type === 'custom') {
      return value;
    }
    if (!type || PRIMITIVES.has(type) || value === null || value === undefined || typeof value !== 'object') {
      return value;
    }
    const instance = plainToInstance(type, value) as object;
    const errors = await validate(instance, { whitelist: true, forbidUnknownValues: false });
    if (errors.length) {
      throw validationError(errors, metadata.data ?? '');
    }
    return instance;
  }
}
