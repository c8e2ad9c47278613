import { fail } from '@sveltejs/kit';
import { ApiRequestError, StopImpactSurveysByLinkDocument } from '@lh/graphql-client';
import { api } from '$lib/server/api';
import type { Actions, PageServerLoad } from './$types';

/**
 * The "stop impact surveys" link in survey mail: no sign-in (the signed token is the permission). Opening it changes
 * nothing (mail scanners open links); the button does.
 */
export const load: PageServerLoad = (event) => {
  event.setHeaders({ 'x-robots-tag': 'noindex' });
  return {};
};

export const actions: Actions = {
  default: async (event) => {
    try {
      const { stopImpactSurveysByLink } = await api(event, StopImpactSurveysByLinkDocument, { token: event.params.token });
      return { stoppedFor: stopImpactSurveysByLink };
    } catch (e) {
      if (e instanceof ApiRequestError) {
        return fail(400, { problem: e.errors[0]?.message ?? 'This link is not valid.' });
      }
      throw e;
    }
  },
};
