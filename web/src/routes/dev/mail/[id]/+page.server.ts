import { CaughtMailMessageDocument } from '@lh/graphql-client';
import { api, failLoad } from '$lib/server/api';
import type { PageServerLoad } from './$types';
import { requireViewer } from '$lib/server/access';

export const load: PageServerLoad = async (event) => {
  requireViewer(event, 'COORDINATOR');
  try {
    const { caughtMailMessage } = await api(event, CaughtMailMessageDocument, { id: event.params.id });
    return { mail: caughtMailMessage };
  } catch (e) {
    failLoad(e, event);
  }
};
