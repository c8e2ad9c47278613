import { MandatoryRequirementsDocument } from '@lh/graphql-client';
import { api, failLoad } from '$lib/server/api';
import { requireViewer } from '$lib/server/access';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireViewer(event, 'COORDINATOR');
  try {
    const { mandatoryRequirements } = await api(event, MandatoryRequirementsDocument, {});
    return { requirements: mandatoryRequirements, done: event.url.searchParams.get('done') };
  } catch (e) {
    failLoad(e, event);
  }
};
