import { error } from '@sveltejs/kit';
import { CheckInScreenDocument } from '@lh/graphql-client';
import { api, failLoad } from '$lib/server/api';
import { requireViewer } from '$lib/server/access';
import type { PageServerLoad } from './$types';

/** The check-in screen a trainer shows in the room: the code of the moment, as a QR code and as text. */
export const load: PageServerLoad = async (event) => {
  requireViewer(event, 'TRAINER', 'COORDINATOR');
  let screen;
  try {
    ({ checkInScreen: screen } = await api(event, CheckInScreenDocument, { partId: event.params.partId }));
  } catch (e) {
    failLoad(e, event);
  }
  if (screen.sessionId !== event.params.id) {
    error(404, { message: 'There is no register for that session part.', code: 'NOT_FOUND' });
  }
  return { screen, typeAt: `${new URL(screen.url ?? `${event.url.origin}/check-in`).host}/check-in` };
};
