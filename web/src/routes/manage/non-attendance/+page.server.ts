import { fail } from '@sveltejs/kit';
import { ApiRequestError, NonAttendancesDocument, WaiveChargeDocument, type NonAttendancesQuery } from '@lh/graphql-client';
import { api, failLoad } from '$lib/server/api';
import { failFromApi } from '$lib/server/forms';
import { requireViewer } from '$lib/server/access';
import { filterFrom, hrefFor, quickPeriods } from './period';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireViewer(event, 'COORDINATOR');
  const now = new Date();
  const { filter, values } = filterFrom(event.url.searchParams, now);
  const quick = quickPeriods(now).map((q) => ({ label: q.label, href: hrefFor('/manage/non-attendance', q.period) }));
  try {
    const data = await api(event, NonAttendancesDocument, { filter });
    return {
      report: data.nonAttendances as NonAttendancesQuery['nonAttendances'] | null,
      agencies: data.agencies,
      values,
      quick,
      csvHref: hrefFor('/manage/non-attendance/charges.csv', filter),
      query: hrefFor('', filter),
      errors: [] as { field: string; message: string }[],
    };
  } catch (e) {
    if (e instanceof ApiRequestError && e.code === 'BAD_USER_INPUT') {
      // a date that is not real: say which, at its first box
      const errors = Object.entries(e.fieldMessages()).map(([field, message]) => ({
        field: field === 'from' || field === 'to' ? `${field}-day` : field,
        message,
      }));
      return { report: null, agencies: [], values, quick, csvHref: null, query: '', errors };
    }
    failLoad(e, event);
  }
};

export const actions: Actions = {
  /** Waives one charge with the reason typed next to it. */
  waive: async (event) => {
    const form = await event.request.formData();
    const chargeId = String(form.get('chargeId') ?? '');
    const reason = String(form.get('reason') ?? '').trim();
    const field = `reason-${chargeId}`;
    if (!reason) {
      return fail(400, { waiveErrors: [{ field, message: 'Enter why the charge is waived' }], chargeId, reason });
    }
    try {
      await api(event, WaiveChargeDocument, { input: { chargeId, reason } });
    } catch (e) {
      const refused = failFromApi(e, ['reason']);
      return fail(refused.status, {
        waiveErrors: refused.data.errors.map((p) => ({ field: p.field === 'reason' ? field : p.field, message: p.message })),
        chargeId,
        reason,
      });
    }
    return { waived: chargeId };
  },
};
