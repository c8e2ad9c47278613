import { NonAttendanceCsvDocument } from '@lh/graphql-client';
import { api, failLoad } from '$lib/server/api';
import { requireViewer } from '$lib/server/access';
import { filterFrom } from '../period';
import type { RequestHandler } from './$types';

/** The non-attendance list of a period as a CSV file for invoicing (coordinators): the API writes it, this serves it. */
export const GET: RequestHandler = async (event) => {
  requireViewer(event, 'COORDINATOR');
  const { filter } = filterFrom(event.url.searchParams, new Date());
  try {
    const { nonAttendanceCsv } = await api(event, NonAttendanceCsvDocument, { filter });
    // a byte-order mark, so spreadsheet programs read the file (and its £) as UTF-8
    return new Response(`\uFEFF${nonAttendanceCsv.content}`, {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${nonAttendanceCsv.fileName}"`,
        'cache-control': 'private, no-store',
      },
    });
  } catch (e) {
    failLoad(e, event);
  }
};
