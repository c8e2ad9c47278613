import { fail, redirect } from '@sveltejs/kit';
import { isoOf } from '$lib/server/date-boxes';
import { UNREADABLE_DATE } from '$lib/server/forms';
import { copyOnto, loadSessionToCopy } from '../copy-session.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => loadSessionToCopy(event);

export const actions: Actions = {
  /** One new date: the copy is made and opened, or the date is refused with the reason. */
  default: async (event) => {
    const form = await event.request.formData();
    const boxes = {
      day: String(form.get('date-day') ?? '').trim(),
      month: String(form.get('date-month') ?? '').trim(),
      year: String(form.get('date-year') ?? '').trim(),
    };
    const iso = isoOf(boxes);
    if (iso === UNREADABLE_DATE) {
      return fail(400, {
        errors: [{ field: 'date-day', message: 'Enter the new date as a day, month and year, like 12 1 2027' }],
        values: { date: boxes },
      });
    }
    const copied = await copyOnto(event, [iso], { date: boxes });
    if (!copied.ok) {
      return copied.failure;
    }
    const outcome = copied.result.outcomes[0]!;
    if (!outcome.sessionId) {
      return fail(400, { errors: outcome.problems.map((message) => ({ field: 'date-day', message })), values: { date: boxes } });
    }
    redirect(303, `/manage/sessions/${outcome.sessionId}`);
  },
};
