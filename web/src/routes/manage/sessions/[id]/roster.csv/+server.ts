import { rosterDownload } from '../roster-files';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => rosterDownload(event, 'CSV');
