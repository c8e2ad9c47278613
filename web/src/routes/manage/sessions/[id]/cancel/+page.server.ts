import { redirect } from '@sveltejs/kit';
import { CancelSessionDocument, SessionRosterDocument } from '@lh/graphql-client';
import { api, failLoad } from '$lib/server/api';
import { failFromApi } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';
import { requireViewer } from '$lib/server/access';

export const load: PageServerLoad = async (event) => {
  requireViewer(event, 'COORDINATOR');
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
