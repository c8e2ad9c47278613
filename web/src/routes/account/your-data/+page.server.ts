import { PersonalDataSummaryDocument } from '@lh/graphql-client';
import { api, failLoad } from '$lib/server/api';
import { requireViewer } from '$lib/server/access';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const me = requireViewer(event);
  try {
    const { personalDataSummary } = await api(event, PersonalDataSummaryDocument, { personId: me.id });
    return { summary: personalDataSummary };
  } catch (e) {
    failLoad(e, event);
  }
};
