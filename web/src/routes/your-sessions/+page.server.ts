import { YourSessionsDocument } from '@lh/graphql-client';
import { api, failLoad } from '$lib/server/api';
import { requireViewer } from '$lib/server/access';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const me = requireViewer(event, 'TRAINER', 'COORDINATOR');
  try {
    const { yourSessions } = await api(event, YourSessionsDocument, {});
    return { sessions: yourSessions, isCoordinator: me.roles.includes('COORDINATOR') };
  } catch (e) {
    failLoad(e, event);
  }
};
