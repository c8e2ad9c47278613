import { requireViewer } from '$lib/server/access';
import { personalDataDownload } from '$lib/server/personal-data';
import type { RequestHandler } from './$types';

/** A coordinator answering someone's subject access request: all data held about them (the API writes it to the audit log). */
export const GET: RequestHandler = async (event) => {
  requireViewer(event, 'COORDINATOR');
  return personalDataDownload(event, event.params.id);
};
