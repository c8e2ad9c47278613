import { requireViewer } from '$lib/server/access';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
  requireViewer(event, 'COORDINATOR');
  return {};
};
