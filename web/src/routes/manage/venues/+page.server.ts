import { VenuesDocument } from '@lh/graphql-client';
import { api, failLoad } from '$lib/server/api';
import type { PageServerLoad } from './$types';
import { requireViewer } from '$lib/server/access';

export const load: PageServerLoad = async (event) => {
  requireViewer(event, 'COORDINATOR');
  try {
    const { venues } = await api(event, VenuesDocument, {});
    return { venues, done: event.url.searchParams.get('done') };
  } catch (e) {
    failLoad(e, event);
  }
};
