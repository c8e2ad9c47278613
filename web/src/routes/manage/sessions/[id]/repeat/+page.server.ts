import { fail } from '@sveltejs/kit';
import { readDateLines } from '@lh/domain';
import { copyOnto, loadSessionToCopy } from '../copy-session.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => loadSessionToCopy(event);

export const actions: Actions = {
  /**
   * Several dates, one a line. A line that is not a date stops the whole form (nothing is made); otherwise each
   * date is checked by the API: the good ones are made, the refused ones are not, and each is reported.
   */
  default: async (event) => {
    const form = await event.request.formData();
    const dates = String(form.get('dates') ?? '').slice(0, 5000);
    const lines = readDateLines(dates);
    if (!lines.length) {
      return fail(400, {
        errors: [{ field: 'dates', message: 'Enter at least one date, one a line, like 12/01/2027' }],
        values: { dates },
      });
    }
    const unread = lines.flatMap((l) => ('problem' in l ? [{ field: 'dates', message: l.problem }] : []));
    if (unread.length) {
      return fail(400, { errors: unread, values: { dates } });
    }
    const copied = await copyOnto(
      event,
      lines.flatMap((l) => ('date' in l ? [l.date] : [])),
      { dates },
    );
    if (!copied.ok) {
      return copied.failure;
    }
    return { result: copied.result, values: { dates } };
  },
};
