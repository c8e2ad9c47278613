import { requireViewer } from '$lib/server/access';
import { evidenceDownload } from '$lib/server/records';
import type { RequestHandler } from './$types';

/** The evidence file of a submission, for the coordinator checking it. */
export const GET: RequestHandler = async (event) => {
  requireViewer(event, 'COORDINATOR');
  return evidenceDownload(event, event.params.id);
};
