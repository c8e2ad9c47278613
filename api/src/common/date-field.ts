import { applyDecorators } from '@nestjs/common';
import { Field } from '@nestjs/graphql';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { TrimToNull } from './input-transforms';

/**
 * A London date typed as YYYY-MM-DD, for every filter and form that takes one. `label` names the box in the
 * words on the screen ("The from date"); the service then checks it is a real date in the searchable range
 * (`isSearchableDate`) and says so in the same words. Optional ones are trimmed, and a blank one is null.
 */
export function DateField(label: string, description: string, opts: { optional: boolean } = { optional: true }): PropertyDecorator {
  const message = `${label} must be a real date`;
  const text = [IsString({ message }), MaxLength(10, { message })];
  return opts.optional
    ? applyDecorators(
        Field(() => String, { nullable: true, description }),
        TrimToNull(),
        IsOptional(),
        ...text,
      )
    : applyDecorators(
        Field(() => String, { description }),
        ...text,
      );
}
