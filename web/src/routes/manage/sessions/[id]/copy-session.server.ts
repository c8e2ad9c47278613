import { CopySessionDocument, SessionAdminDocument, type CopySessionMutation } from '@lh/graphql-client';
import type { RequestEvent } from '@sveltejs/kit';
import { api, failLoad } from '$lib/server/api';
import { failFromApi } from '$lib/server/forms';
import { requireViewer } from '$lib/server/access';

export type CopyOutcome = CopySessionMutation['copySession']['outcomes'][number];

/** The session being copied, for the copy and repeat pages. */
export async function loadSessionToCopy(event: RequestEvent<{ id: string }>) {
  requireViewer(event, 'COORDINATOR');
  try {
    const { sessionAdmin } = await api(event, SessionAdminDocument, { id: event.params.id });
    return { session: sessionAdmin };
  } catch (e) {
    failLoad(e, event);
  }
}

/** Copies the session onto these London dates; the API checks each date with the rules of a new session and reports each. */
export async function copyOnto(event: RequestEvent<{ id: string }>, dates: string[], values: Record<string, unknown>) {
  try {
    const { copySession } = await api(event, CopySessionDocument, { input: { sessionId: event.params.id, dates } });
    return { ok: true as const, result: copySession };
  } catch (e) {
    return { ok: false as const, failure: failFromApi(e, [], values) };
  }
}
