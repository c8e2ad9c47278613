import { requireViewer } from '$lib/server/access';
import { loadRecord } from '$lib/server/records';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const me = requireViewer(event);
  return { ...(await loadRecord(event, me.id)), added: event.url.searchParams.get('added') === '1' };
};
