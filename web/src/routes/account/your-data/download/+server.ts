import { requireViewer } from '$lib/server/access';
import { personalDataDownload } from '$lib/server/personal-data';
import type { RequestHandler } from './$types';

/** The signed-in person's own data, everything held about them (subject access), as HTML or JSON. */
export const GET: RequestHandler = async (event) => {
  const me = requireViewer(event);
  return personalDataDownload(event, me.id);
};
