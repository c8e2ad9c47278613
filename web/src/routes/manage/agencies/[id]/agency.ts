import { AdminAgencyDocument } from '@lh/graphql-client';
import type { RequestEvent } from '@sveltejs/kit';
import { api, failLoad } from '$lib/server/api';
import { requireViewer } from '$lib/server/access';

/** The agency of an /manage/agencies/<id> page, for a coordinator (404 when there is none). */
export async function loadAgency(event: RequestEvent<{ id: string }>) {
  requireViewer(event, 'COORDINATOR');
  try {
    return (await api(event, AdminAgencyDocument, { id: event.params.id })).adminAgency;
  } catch (e) {
    failLoad(e, event);
  }
}
