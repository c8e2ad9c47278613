import { requireViewer } from '$lib/server/access';
import { loadRecord } from '$lib/server/records';
import type { PageServerLoad } from './$types';

/** Someone's training record, for coordinators and the lead of their agency; anyone else gets the 404 page, as the API answers. */
export const load: PageServerLoad = async (event) => {
  const me = requireViewer(event);
  return { ...(await loadRecord(event, event.params.personId)), coordinator: me.roles.includes('COORDINATOR') };
};
