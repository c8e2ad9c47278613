import { error, redirect } from '@sveltejs/kit';
import { ExternalLearningWaitingDocument, RejectExternalLearningDocument } from '@lh/graphql-client';
import { requireViewer } from '$lib/server/access';
import { api, failLoad } from '$lib/server/api';
import { failField, failFromApi } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireViewer(event, 'COORDINATOR');
  let waiting;
  try {
    ({ externalLearningWaiting: waiting } = await api(event, ExternalLearningWaitingDocument, {}));
  } catch (e) {
    failLoad(e, event);
  }
  const submission = waiting.find((x) => x.id === event.params.id);
  if (!submission) {
    error(404, { message: 'That submission is not waiting to be checked: someone may have decided it already.', code: 'NOT_FOUND' });
  }
  return { submission };
};

export const actions: Actions = {
  default: async (event) => {
    requireViewer(event, 'COORDINATOR');
    const reason = String((await event.request.formData()).get('reason') ?? '').trim();
    if (!reason) {
      return failField('reason', 'Enter why it is not accepted: the person is told', { reason });
    }
    let done;
    try {
      ({ rejectExternalLearning: done } = await api(event, RejectExternalLearningDocument, { id: event.params.id, reason }));
    } catch (e) {
      return failFromApi(e, ['reason'], { reason });
    }
    redirect(303, `/manage/external-learning?done=rejected&who=${encodeURIComponent(`${done.title} for ${done.personName}`)}`);
  },
};
