import { error, redirect } from '@sveltejs/kit';
import { CancelSessionDocument, SessionRosterDocument } from '@lh/graphql-client';
import { api, failLoad } from '$lib/server/api';
import { failFromApi } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  if (!event.locals.me) redirect(303, `/sign-in?next=${encodeURIComponent(event.url.pathname)}`);
  if (!event.locals.me.roles.includes('COORDINATOR')) error(403, { message: 'Only coordinators can cancel sessions.' });
  try {
    const { sessionRoster } = await api(event, SessionRosterDocument, { sessionId: event.params.id });
    return { roster: sessionRoster };
  } catch (e) {
    failLoad(e, event);
  }
};

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const reason = String(form.get('reason') ?? '').trim();
    try {
      await api(event, CancelSessionDocument, { input: { sessionId: event.params.id, reason } });
    } catch (e) {
      return failFromApi(e, ['reason'], { reason });
    }
    redirect(303, `/manage/sessions/${event.params.id}?done=session-cancelled`);
  },
};
