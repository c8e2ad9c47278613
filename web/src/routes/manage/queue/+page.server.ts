import { ConfirmBookingDocument, TrainingTeamQueueDocument } from '@lh/graphql-client';
import { api, failLoad } from '$lib/server/api';
import { failFromApi } from '$lib/server/forms';
import { requireViewer } from '$lib/server/access';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireViewer(event, 'COORDINATOR');
  try {
    const { trainingTeamQueue } = await api(event, TrainingTeamQueueDocument, {});
    return { queue: trainingTeamQueue, now: new Date().toISOString() };
  } catch (e) {
    failLoad(e, event);
  }
};

export const actions: Actions = {
  /** Approves a booking waiting for approval, as the session page's "Approve" does (the training team confirms it). */
  approve: async (event) => {
    requireViewer(event, 'COORDINATOR');
    const form = await event.request.formData();
    const bookingId = String(form.get('bookingId') ?? '');
    const personName = String(form.get('personName') ?? '').slice(0, 200);
    try {
      await api(event, ConfirmBookingDocument, { bookingId });
    } catch (e) {
      return failFromApi(e, []);
    }
    return { approved: personName };
  },
};
