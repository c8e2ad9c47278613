import { RetentionPlanDocument } from '@lh/graphql-client';
import { api, failLoad } from '$lib/server/api';
import { requireViewer } from '$lib/server/access';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireViewer(event, 'COORDINATOR');
  try {
    const { retentionPlan } = await api(event, RetentionPlanDocument, {});
    return { plan: retentionPlan };
  } catch (e) {
    failLoad(e, event);
  }
};
