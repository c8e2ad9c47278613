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

/**
 * Sent to the API in place of what a form could not read (a number that is not a whole number, a date
 * that is not numbers): every API rule refuses them, so the API still checks everything else and the
 * person hears about every problem in one round, not the form's first and the API's on the next submit.
 */
export const UNREADABLE_NUMBER = -1;
export const UNREADABLE_DATE = 'unreadable';

/** A whole number typed in a box ("20", " 20 "), or UNREADABLE_NUMBER. */
export function wholeNumber(text: string): number {
  return /^\d+$/.test(text.trim()) ? Number(text.trim()) : UNREADABLE_NUMBER;
}

/**
 * The one way a form action reports problems: calls the API even when the form has found problems of
 * its own (having sent UNREADABLE_* stand-ins for them), then answers with the form's problems and the
 * API's together, each at its field (the form's own wins at a field), in the order of `fields`.
 * `failure` turns an API refusal into the form's errors (default `failFromApi`).
 */
export async function submitForm<T, V extends Record<string, unknown>>(opts: {
  problems: FormProblem[];
  fields: string[];
  values: V;
  call: () => Promise<T>;
  failure?: (e: unknown) => ReturnType<typeof failFromApi<V>>;
}): Promise<{ ok: true; result: T } | { ok: false; failure: ReturnType<typeof failFromApi<V>> }> {
  const toFailure = opts.failure ?? ((e: unknown) => failFromApi(e, opts.fields, opts.values));
  let apiProblems: FormProblem[] = [];
  let code = 'BAD_USER_INPUT';
  let status = 400;
  try {
    const result = await opts.call();
    if (!opts.problems.length) {
      return { ok: true, result };
    }
    throw new Error('The API accepted a form with problems: a stand-in for an unreadable value was not refused');
  } catch (e) {
    const refused = toFailure(e);
    if (!opts.problems.length) {
      return { ok: false, failure: refused };
    }
    apiProblems = refused.data.errors;
    code = refused.data.code ?? code;
    status = refused.status;
  }
  const mine = new Set(opts.problems.map((p) => p.field));
  const order = (p: FormProblem) => {
    const i = p.field === null ? -1 : opts.fields.findIndex((f) => p.field === f || p.field!.startsWith(`${f}-`));
    return i === -1 ? opts.fields.length : i;
  };
  const errors = [...opts.problems, ...apiProblems.filter((p) => p.field !== null && !mine.has(p.field))].sort(
    (a, b) => order(a) - order(b),
  );
  return { ok: false, failure: fail(status, { errors, values: opts.values, code }) };
}
