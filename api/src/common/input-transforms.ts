import { Transform } from 'class-transformer';

/** Trims a string input; other values pass unchanged (validation then names them). */
export const Trim = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/** Trims a string input and turns an empty one into null (an optional field left blank). */
export const TrimToNull = () =>
  Transform(({ value }: { value: unknown }) => {
    if (typeof value !== 'string') {
      return value;
    }
    const trimmed = value.trim();
    return trimmed === '' ? null : trimmed;
  });

/** Trims each string of a list and drops the empty ones (a list typed one per line). */
export const TrimList = () =>
  Transform(({ value }: { value: unknown }) =>
    Array.isArray(value) ? value.map((v: unknown) => (typeof v === 'string' ? v.trim() : v)).filter((v: unknown) => v !== '') : value,
  );
