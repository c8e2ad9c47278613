import { fail } from '@sveltejs/kit';
import { ApiRequestError, MailLogDocument, RetryMailDocument, type MailLogFilterInput, type MailStatus } from '@lh/graphql-client';
import { api, failLoad } from '$lib/server/api';
import type { Actions, PageServerLoad } from './$types';
import { requireViewer } from '$lib/server/access';

const STATUSES: MailStatus[] = ['PENDING', 'SENT', 'FAILED', 'CANCELLED'];

/** The filters come from the query string: a plain GET form, so it works without JavaScript. */
function filterFrom(params: URLSearchParams): {
  filter: MailLogFilterInput;
  values: Record<'email' | 'sessionId' | 'status' | 'personId', string>;
} {
  const values = {
    email: params.get('email')?.trim() ?? '',
    sessionId: params.get('sessionId')?.trim() ?? '',
    status: params.get('status') ?? '',
    personId: params.get('personId')?.trim() ?? '',
  };
  const filter: MailLogFilterInput = {};
  if (values.email) {
    filter.email = values.email;
  }
  if (values.sessionId) {
    filter.sessionId = values.sessionId;
  }
  if (values.personId) {
    filter.personId = values.personId;
  }
  if (STATUSES.includes(values.status as MailStatus)) {
    filter.status = values.status as MailStatus;
  }
  return { filter, values };
}

export const load: PageServerLoad = async (event) => {
  requireViewer(event, 'COORDINATOR');
  const { filter, values } = filterFrom(event.url.searchParams);
  try {
    const { mailLog, mailCatcherAvailable } = await api(event, MailLogDocument, { filter });
    return { log: mailLog, mailCatcherAvailable, values, errors: [] as { field: string; message: string }[] };
  } catch (e) {
    if (e instanceof ApiRequestError && e.code === 'BAD_USER_INPUT') {
      const errors = Object.entries(e.fieldMessages()).map(([field, message]) => ({ field, message: message.replace(/^filter\./, '') }));
      return { log: [], mailCatcherAvailable: false, values, errors };
    }
    failLoad(e, event);
  }
};

export const actions: Actions = {
  /** Sends a failed mail again. */
  retry: async (event) => {
    const id = String((await event.request.formData()).get('id') ?? '');
    try {
      const { retryMail } = await api(event, RetryMailDocument, { id });
      return { retried: retryMail.id };
    } catch (e) {
      if (e instanceof ApiRequestError && (e.code === 'BAD_USER_INPUT' || e.code === 'NOT_FOUND')) {
        return fail(400, { retryError: e.message });
      }
      failLoad(e, event);
    }
  },
};
