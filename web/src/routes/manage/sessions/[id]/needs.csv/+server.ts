import { needsDownload } from '../roster-files';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => needsDownload(event, 'CSV');
