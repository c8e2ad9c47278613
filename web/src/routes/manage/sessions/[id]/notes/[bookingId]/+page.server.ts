import { error, redirect } from '@sveltejs/kit';
import { SessionRosterListDocument, SetBookingNoteDocument } from '@lh/graphql-client';
import { api, failLoad } from '$lib/server/api';
import { requireViewer } from '$lib/server/access';
import { failField, failFromApi } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

const MAX = 2000;

export const load: PageServerLoad = async (event) => {
  requireViewer(event, 'COORDINATOR');
  try {
    const { sessionRosterList } = await api(event, SessionRosterListDocument, { sessionId: event.params.id });
    const entry = sessionRosterList.entries.find((e) => e.bookingId === event.params.bookingId);
    if (!entry) {
      error(404, 'There is no booking with that id on this session.');
    }
    return { entry, sessionId: event.params.id };
  } catch (e) {
    failLoad(e, event);
  }
};

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const text = String(form.get('text') ?? '').trim();
    if (text.length > MAX) {
      return failField('text', `The note must be ${MAX} characters or fewer (it has ${text.length})`, { text });
    }
    try {
      await api(event, SetBookingNoteDocument, { bookingId: event.params.bookingId, text });
    } catch (e) {
      return failFromApi(e, ['text'], { text });
    }
    redirect(303, `/manage/sessions/${event.params.id}?done=${text ? 'note' : 'note-removed'}#roster`);
  },
};
