import { requireViewer } from '$lib/server/access';
import { recordDownload } from '$lib/server/records';
import type { RequestHandler } from './$types';

/** Someone's training record as CSV, for those who may see it (the API answers NOT_FOUND to anyone else). */
export const GET: RequestHandler = async (event) => {
  requireViewer(event);
  return recordDownload(event, event.params.personId, 'csv');
};
