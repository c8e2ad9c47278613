import { MAX_SESSION_PARTS } from '@lh/domain';
import type { SessionPartInput } from '@lh/graphql-client';
import { UNREADABLE_DATE, failFromApi, submitForm, wholeNumber, type FormProblem } from '$lib/server/forms';
import { dateErrorField } from '$lib/date-parts';
import {
  emptyPart,
  isoDate,
  MIN_PART_ROWS,
  normalTime as time,
  partId,
  resizedRows,
  type DateParts,
  type PartRow,
  type SessionFormValues,
} from './session-form';

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();
const dateFrom = (form: FormData, name: string): DateParts => ({
  day: text(form, `${name}-day`),
  month: text(form, `${name}-month`),
  year: text(form, `${name}-year`),
});
const blank = (d: DateParts) => !d.day && !d.month && !d.year;

const occurrence = (v: string | undefined) => (v === 'FIRST' || v === 'SECOND' ? v : null);
/**
 * Reads the posted session form. Filled part rows are moved to the top (so "Part 2" in an API message
 * is the second row when the form comes back), dates are put together from their boxes, and problems
 * the API cannot see (a date that is not numbers) are found here; the API gets stand-ins it refuses,
 * so `submitSessionForm` reports them with everything the API finds, in one round.
 */
export function readSessionForm(form: FormData) {
  const rows = postedRows(form);
  const filled = rows.filter((r) => !blank(r) || r.startTime || r.endTime);
  const values: SessionFormValues = {
    ...postedValues(form),
    parts: [...filled, ...rows.slice(filled.length).map(() => ({ ...emptyPart }))],
  };
  return readPlan(values, filled, form.has('capacity'));
}

/** The part blocks as posted, in their order (empty ones too). */
function postedRows(form: FormData): PartRow[] {
  const rowCount = Math.min(MAX_SESSION_PARTS, Math.max(1, Number(text(form, 'rows')) || MIN_PART_ROWS));
  const rows: PartRow[] = [];
  for (let i = 0; i < rowCount; i++) {
    rows.push({
      ...dateFrom(form, partId(i, 'date')),
      startTime: text(form, partId(i, 'startTime')),
      endTime: text(form, partId(i, 'endTime')),
      startOccurrence: text(form, partId(i, 'startOccurrence')),
      endOccurrence: text(form, partId(i, 'endOccurrence')),
    });
  }
  return rows;
}

/** Everything but the parts, as posted. */
function postedValues(form: FormData): Omit<SessionFormValues, 'parts'> {
  return {
    venueId: text(form, 'venueId'),
    room: text(form, 'room'),
    onlineUrl: text(form, 'onlineUrl'),
    joiningInstructions: text(form, 'joiningInstructions'),
    capacity: text(form, 'capacity'),
    bookingOpensOn: dateFrom(form, 'bookingOpensOn'),
    bookingClosesOn: dateFrom(form, 'bookingClosesOn'),
    autoOfferWaitlist: text(form, 'autoOfferWaitlist') || 'yes',
    confirmLongerThanCourse: text(form, 'confirmLongerThanCourse'),
    trainerIds: form.getAll('trainerIds').map(String).filter(Boolean),
    place: text(form, 'place') === 'online' ? 'online' : '',
  };
}

/**
 * "Add another part" and "Remove this part": the same form back with one block more (or that block
 * gone) and everything typed kept, nothing sent to the API. Works without JavaScript.
 */
export async function resizeSessionForm(request: Request, change: 'add' | 'remove') {
  const form = await request.formData();
  const rows = postedRows(form);
  const remove = Number(text(form, 'removePart'));
  const parts = change === 'add' ? resizedRows(rows, { add: true }) : resizedRows(rows, { remove: Number.isInteger(remove) ? remove : -1 });
  // a 200 with the values: the page shows the form again, with no error summary
  return { values: { ...postedValues(form), parts }, errors: [], resized: change };
}

function readPlan(values: SessionFormValues, filled: PartRow[], capacityAsked: boolean) {
  const problems: FormProblem[] = [];
  const parts: SessionPartInput[] = filled.map((r, i) => {
    const date = isoDate(r);
    if (!date) {
      problems.push({ field: dateErrorField(partId(i, 'date'), r), message: `Part ${i + 1}: enter the date as numbers, like 27 3 2027` });
    }
    return {
      date: date ?? UNREADABLE_DATE,
      startTime: time(r.startTime),
      endTime: time(r.endTime),
      startOccurrence: occurrence(r.startOccurrence),
      endOccurrence: occurrence(r.endOccurrence),
    };
  });
  const windowDate = (name: 'bookingOpensOn' | 'bookingClosesOn', what: string) => {
    const d = values[name];
    if (blank(d)) {
      return null;
    }
    const iso = isoDate(d);
    if (!iso) {
      problems.push({
        field: dateErrorField(name, d),
        message: `Enter the date booking ${what} as numbers, like 1 3 2027, or leave it empty`,
      });
    }
    return iso ?? UNREADABLE_DATE;
  };
  const plan = {
    parts,
    // 'online' is the "Online session" choice of a face-to-face course's form (where '' is "Choose a venue")
    venueId: values.venueId && values.venueId !== 'online' ? values.venueId : null,
    room: values.room || null,
    onlineUrl: values.onlineUrl || null,
    joiningInstructions: values.joiningInstructions || null,
    bookingOpensOn: windowDate('bookingOpensOn', 'opens'),
    bookingClosesOn: windowDate('bookingClosesOn', 'closes'),
    autoOfferWaitlist: values.autoOfferWaitlist === 'yes',
    confirmLongerThanCourse: values.confirmLongerThanCourse === 'yes',
  };
  if (capacityAsked && !/^\d+$/.test(values.capacity)) {
    problems.push({ field: 'capacity', message: 'Enter the number of places as a whole number, like 20' });
  }
  return { values, plan, problems, capacity: wholeNumber(values.capacity) };
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
  'confirmLongerThanCourse',
  'trainerIds',
  ...DATE_FIELDS,
  ...Array.from({ length: MAX_SESSION_PARTS }, (_, i) =>
    (['date', 'startTime', 'endTime', 'startOccurrence', 'endOccurrence'] as const).map((f) => partId(i, f)),
  ).flat(),
];

/** The session form's problems and the API's, in one round, each at its field (see `submitForm`). */
export function submitSessionForm<T>(problems: FormProblem[], values: SessionFormValues, call: () => Promise<T>) {
  return submitForm({ problems, fields: FORM_ORDER, values, call, failure: (e) => failSessionForm(e, values) });
}

/** The form's fields top to bottom, for the order of the error summary. */
const FORM_ORDER = [
  ...Array.from({ length: MAX_SESSION_PARTS }, (_, i) =>
    (['date', 'startTime', 'startOccurrence', 'endTime', 'endOccurrence'] as const).map((f) => partId(i, f)),
  ).flat(),
  'confirmLongerThanCourse',
  'venueId',
  'room',
  'onlineUrl',
  'capacity',
  'bookingOpensOn',
  'bookingClosesOn',
  'joiningInstructions',
  'trainerIds',
  'courseId',
];

/** The boxes posted for a date field ("parts.1.date", "bookingOpensOn"). */
function postedDate(values: SessionFormValues, field: string): DateParts | undefined {
  const part = /^parts\.(\d+)\.date$/.exec(field);
  return part ? values.parts[Number(part[1])] : values[field as 'bookingOpensOn' | 'bookingClosesOn'];
}

/** An API refusal as form errors, each next to its field (a date's problems on its first box at fault). */
export function failSessionForm(e: unknown, values: SessionFormValues) {
  const failure = failFromApi(e, API_FIELDS, values);
  for (const problem of failure.data.errors) {
    if (problem.field === 'venueId' && values.place === 'online') {
      // the form of an online course's session asks for the link only
      problem.field = 'onlineUrl';
      problem.message = 'Enter the online joining link: sessions of this course are online';
    } else if (problem.field === 'parts') {
      problem.field = `${partId(0, 'date')}-day`;
    } else if (problem.field && (DATE_FIELDS.includes(problem.field) || problem.field.endsWith('.date'))) {
      problem.field = dateErrorField(problem.field, postedDate(values, problem.field) ?? {});
    }
  }
  return failure;
}
