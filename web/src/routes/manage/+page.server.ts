import { RegistrationQueueCountDocument } from '@lh/graphql-client';
import { api, failLoad } from '$lib/server/api';
import { requireViewer } from '$lib/server/access';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireViewer(event, 'COORDINATOR');
  try {
    const { registrationQueueCount } = await api(event, RegistrationQueueCountDocument, {});
    /** How many things wait in a section, by its address (shown next to its name). */
    const waiting: Record<string, number> = { '/manage/requests': registrationQueueCount };
    return { waiting };
  } catch (e) {
    failLoad(e, event);
  }
};
