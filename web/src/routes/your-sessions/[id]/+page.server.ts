import { SessionNotesDocument, TrainerSessionDocument } from '@lh/graphql-client';
import { api, failLoad } from '$lib/server/api';
import { requireViewer } from '$lib/server/access';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireViewer(event, 'TRAINER', 'COORDINATOR');
  try {
    const [{ trainerSession }, { sessionNotes }] = await Promise.all([
      api(event, TrainerSessionDocument, { id: event.params.id }),
      api(event, SessionNotesDocument, { sessionId: event.params.id }),
    ]);
    // the training team's notes on attendees (coordinators write them on the session roster)
    const notes = Object.fromEntries(sessionNotes.map((n) => [n.bookingId, n.text]));
    // ?print=1: the attendee list alone, laid out for A4 (a link, so it works without JavaScript)
    return { session: trainerSession, notes, print: event.url.searchParams.get('print') === '1', now: Date.now() };
  } catch (e) {
    failLoad(e, event);
  }
};
