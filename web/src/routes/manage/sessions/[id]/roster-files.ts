import type { RequestEvent } from '@sveltejs/kit';
import { NeedsSummaryFileDocument, RosterFileDocument, type TableFileFormat } from '@lh/graphql-client';
import { api, failLoad } from '$lib/server/api';
import { requireViewer } from '$lib/server/access';
import { downloadFile } from '$lib/server/download';
import { rosterFilter } from './roster-filter';

/** The roster as a file, with the page's search and order (the API writes it and audits it; this serves it). */
export async function rosterDownload(event: RequestEvent<{ id: string }>, format: TableFileFormat): Promise<Response> {
  requireViewer(event, 'COORDINATOR');
  const filter = rosterFilter(event.url);
  try {
    const { rosterFile } = await api(event, RosterFileDocument, {
      sessionId: event.params.id,
      format,
      search: filter.search || null,
      sort: filter.sort,
    });
    return downloadFile(rosterFile, `roster.${format.toLowerCase()}`);
  } catch (e) {
    failLoad(e, event);
  }
}

/** Access and dietary needs counted, without names: for the venue or caterer. */
export async function needsDownload(event: RequestEvent<{ id: string }>, format: TableFileFormat): Promise<Response> {
  requireViewer(event, 'COORDINATOR');
  try {
    const { needsSummaryFile } = await api(event, NeedsSummaryFileDocument, { sessionId: event.params.id, format });
    return downloadFile(needsSummaryFile, `needs.${format.toLowerCase()}`);
  } catch (e) {
    failLoad(e, event);
  }
}
