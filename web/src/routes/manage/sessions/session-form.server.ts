import { fail } from '@sveltejs/kit';
import { MAX_SESSION_PARTS } from '@lh/domain';
import type { SessionPartInput } from '@lh/graphql-client';
import { failFromApi, type FormProblem } from '$lib/server/forms';
import { emptyPart, MIN_PART_ROWS, partId, type DateParts, type PartRow, type SessionFormValues } from './session-form';

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();
const dateFrom = (form: FormData, name: string): DateParts => ({
  day: text(form, `${name}-day`),
  month: text(form, `${name}-month`),
  year: text(form, `${name}-year`),
});
const blank = (d: DateParts) => !d.day && !d.month && !d.year;

/** "YYYY-MM-DD" from the three boxes, or null when they are not numbers (the API checks the date is real). */
function isoDate(d: DateParts): string | null {
  if (!/^\d{1,2}$/.test(d.day) || !/^\d{1,2}$/.test(d.month) || !/^\d{4}$/.test(d.year)) {
    return null;
  }
  return `${d.year}-${d.month.padStart(2, '0')}-${d.day.padStart(2, '0')}`;
}

/** Accepts "9:30", "09.30" and "0930" for 09:30; anything else goes to the API as typed, which names it. */
function time(t: string): string {
  const m = /^(\d{1,2})[:.]?(\d{2})$/.exec(t.replace(/\s+/g, ''));
  return m ? `${m[1]!.padStart(2, '0')}:${m[2]}` : t;
}

/**
 * Reads the posted session form. Filled part rows are moved to the top (so "Part 2" in an API message
 * is the second row when the form comes back), dates are put together from their boxes, and problems
 * the API cannot see (a date that is not numbers) are found here.
 */
export function readSessionForm(form: FormData) {
  const rowCount = Math.min(MAX_SESSION_PARTS, Math.max(1, Number(text(form, 'rows')) || MIN_PART_ROWS));
  const rows: PartRow[] = [];
  for (let i = 0; i < rowCount; i++) {
    rows.push({
      ...dateFrom(form, partId(i, 'date')),
      startTime: text(form, partId(i, 'startTime')),
      endTime: text(form, partId(i, 'endTime')),
    });
  }
  const filled = rows.filter((r) => !blank(r) || r.startTime || r.endTime);
  const values: SessionFormValues = {
    parts: [...filled, ...rows.slice(filled.length).map(() => ({ ...emptyPart }))],
    venueId: text(form, 'venueId'),
    room: text(form, 'room'),
    onlineUrl: text(form, 'onlineUrl'),
    joiningInstructions: text(form, 'joiningInstructions'),
    capacity: text(form, 'capacity'),
    bookingOpensOn: dateFrom(form, 'bookingOpensOn'),
    bookingClosesOn: dateFrom(form, 'bookingClosesOn'),
    autoOfferWaitlist: text(form, 'autoOfferWaitlist') || 'yes',
  };
  const problems: FormProblem[] = [];
  const parts: SessionPartInput[] = filled.map((r, i) => {
    const date = isoDate(r);
    if (!date) {
      problems.push({ field: `${partId(i, 'date')}-day`, message: `Part ${i + 1}: enter the date as numbers, like 27 3 2027` });
    }
    return { date: date ?? '', startTime: time(r.startTime), endTime: time(r.endTime) };
  });
  const windowDate = (name: 'bookingOpensOn' | 'bookingClosesOn', what: string) => {
    const d = values[name];
    if (blank(d)) {
      return null;
    }
    const iso = isoDate(d);
    if (!iso) {
      problems.push({ field: `${name}-day`, message: `Enter the date booking ${what} as numbers, like 1 3 2027, or leave it empty` });
    }
    return iso;
  };
  const plan = {
    parts,
    venueId: values.venueId || null,
    room: values.room || null,
    onlineUrl: values.onlineUrl || null,
    joiningInstructions: values.joiningInstructions || null,
    bookingOpensOn: windowDate('bookingOpensOn', 'opens'),
    bookingClosesOn: windowDate('bookingClosesOn', 'closes'),
    autoOfferWaitlist: values.autoOfferWaitlist === 'yes',
  };
  if (form.has('capacity') && !/^\d+$/.test(values.capacity)) {
    problems.push({ field: 'capacity', message: 'Enter the number of places as a whole number, like 20' });
  }
  const failure = problems.length ? fail(400, { errors: problems, values, code: 'BAD_USER_INPUT' }) : null;
  return { values, plan, failure };
}

const DATE_FIELDS = ['bookingOpensOn', 'bookingClosesOn'];
const API_FIELDS = [
  'parts',
  'courseId',
  'venueId',
  'room',
  'onlineUrl',
  'joiningInstructions',
  'capacity',
  ...DATE_FIELDS,
  ...Array.from({ length: MAX_SESSION_PARTS }, (_, i) => [partId(i, 'date'), partId(i, 'startTime'), partId(i, 'endTime')]).flat(),
];

/** An API refusal as form errors, each next to its field (a date's problems on its first box). */
export function failSessionForm(e: unknown, values: SessionFormValues) {
  const failure = failFromApi(e, API_FIELDS, values);
  for (const problem of failure.data.errors) {
    if (problem.field === 'parts') {
      problem.field = `${partId(0, 'date')}-day`;
    } else if (problem.field && (DATE_FIELDS.includes(problem.field) || problem.field.endsWith('.date'))) {
      problem.field = `${problem.field}-day`;
    }
  }
  return failure;
}
