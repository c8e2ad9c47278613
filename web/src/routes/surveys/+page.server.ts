import { YourSurveysDocument } from '@lh/graphql-client';
import { api, failLoad } from '$lib/server/api';
import { requireViewer } from '$lib/server/access';
import type { PageServerLoad } from './$types';

/** The signed-in person's surveys: each opens the same form as the link in their email. */
export const load: PageServerLoad = async (event) => {
  requireViewer(event);
  try {
    const { yourSurveys } = await api(event, YourSurveysDocument, {});
    return { surveys: yourSurveys };
  } catch (e) {
    failLoad(e, event);
  }
};
