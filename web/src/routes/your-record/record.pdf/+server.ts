import { requireViewer } from '$lib/server/access';
import { recordDownload } from '$lib/server/records';
import type { RequestHandler } from './$types';

/** The signed-in person's training record as PDF. */
export const GET: RequestHandler = async (event) => recordDownload(event, requireViewer(event).id, 'pdf');
