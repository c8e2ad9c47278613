import { redirect } from '@sveltejs/kit';
import { EvaluationForSessionDocument } from '@lh/graphql-client';
import { requireViewer } from '$lib/server/access';
import { api, failLoad } from '$lib/server/api';
import type { PageServerLoad } from './$types';

/**
 * What the register screen's evaluation link and QR code open: the signed-in attendee's own end-of-course evaluation
 * for the session (the same form as the link in their email), or why it is not open yet.
 */
export const load: PageServerLoad = async (event) => {
  requireViewer(event);
  let token: string | null;
  try {
    token = (await api(event, EvaluationForSessionDocument, { sessionId: event.params.sessionId })).evaluationForSession ?? null;
  } catch (e) {
    failLoad(e, event);
  }
  if (token) {
    redirect(303, `/surveys/${token}`);
  }
  return {};
};
