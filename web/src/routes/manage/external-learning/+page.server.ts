import { fail, redirect } from '@sveltejs/kit';
import { ApiRequestError, ExternalLearningWaitingDocument, VerifyExternalLearningDocument } from '@lh/graphql-client';
import { requireViewer } from '$lib/server/access';
import { api, failLoad } from '$lib/server/api';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireViewer(event, 'COORDINATOR');
  try {
    const { externalLearningWaiting } = await api(event, ExternalLearningWaitingDocument, {});
    return {
      waiting: externalLearningWaiting,
      done: event.url.searchParams.get('done'),
      who: event.url.searchParams.get('who'),
    };
  } catch (e) {
    failLoad(e, event);
  }
};

export const actions: Actions = {
  /** The evidence was seen: it becomes a completion on the person's record, and they are mailed. */
  verify: async (event) => {
    requireViewer(event, 'COORDINATOR');
    const id = String((await event.request.formData()).get('id') ?? '');
    try {
      const { verifyExternalLearning: v } = await api(event, VerifyExternalLearningDocument, { id });
      redirect(303, `/manage/external-learning?done=verified&who=${encodeURIComponent(`${v.title} for ${v.personName}`)}`);
    } catch (e) {
      if (e instanceof ApiRequestError) {
        return fail(e.status >= 400 && e.status < 500 ? e.status : 400, {
          errors: [{ field: null, message: e.errors[0]?.message ?? e.message }],
        });
      }
      throw e;
    }
  },
};
