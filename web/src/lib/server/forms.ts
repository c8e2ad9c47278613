import { fail } from '@sveltejs/kit';
import { ApiRequestError } from '@lh/graphql-client';

export interface FormProblem {
  /** The id of the field the problem is about; null for the whole form. */
  field: string | null;
  message: string;
}

/**
 * Turns an API refusal in a form action into the form's errors: field problems next to their fields
 * (for the fields this form has), anything else as a sentence at the top. Other failures are rethrown.
 */
export function failFromApi<V extends Record<string, unknown>>(e: unknown, formFields: string[], values: V = {} as V) {
  if (!(e instanceof ApiRequestError)) {
    throw e;
  }
  const errors: FormProblem[] = Object.entries(e.fieldMessages())
    .filter(([field]) => formFields.includes(field))
    .map(([field, message]) => ({ field, message: message.replace(/^[a-zA-Z]+\.(?=[a-zA-Z]+ )/, '') }));
  if (!errors.length) {
    errors.push({ field: null, message: e.errors[0]?.message ?? e.message });
  }
  return fail(e.status >= 400 && e.status < 500 ? e.status : 400, { errors, values, code: e.code });
}

/** A form problem found before calling the API (for example a number that is not a number). */
export function failField<V extends Record<string, unknown>>(field: string, message: string, values: V = {} as V) {
  return fail(400, { errors: [{ field, message }] as FormProblem[], values, code: 'BAD_USER_INPUT' });
}
