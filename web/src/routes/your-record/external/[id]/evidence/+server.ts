import { requireViewer } from '$lib/server/access';
import { evidenceDownload } from '$lib/server/records';
import type { RequestHandler } from './$types';

/** The evidence file the person sent with their learning done elsewhere. */
export const GET: RequestHandler = async (event) => {
  requireViewer(event);
  return evidenceDownload(event, event.params.id);
};
