import { TrainerSessionDocument } from '@lh/graphql-client';
import { api, failLoad } from '$lib/server/api';
import { requireViewer } from '$lib/server/access';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireViewer(event, 'TRAINER', 'COORDINATOR');
  try {
    const { trainerSession } = await api(event, TrainerSessionDocument, { id: event.params.id });
    // ?print=1: the attendee list alone, laid out for A4 (a link, so it works without JavaScript)
    return { session: trainerSession, print: event.url.searchParams.get('print') === '1', now: Date.now() };
  } catch (e) {
    failLoad(e, event);
  }
};
