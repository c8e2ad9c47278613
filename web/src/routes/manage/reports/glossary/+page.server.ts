import { requireViewer } from '$lib/server/access';
import type { PageServerLoad } from './$types';

/** The definitions of every report figure (libs/domain/src/report-definitions.ts): the same words as the exports' About sheet. */
export const load: PageServerLoad = (event) => {
  requireViewer(event, 'COORDINATOR', 'REVIEWER');
  return {};
};
