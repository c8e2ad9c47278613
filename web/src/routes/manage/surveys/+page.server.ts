import { SurveyTemplatesDocument } from '@lh/graphql-client';
import { api, failLoad } from '$lib/server/api';
import { requireViewer } from '$lib/server/access';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireViewer(event, 'COORDINATOR');
  try {
    const { surveyTemplates } = await api(event, SurveyTemplatesDocument, {});
    return { templates: surveyTemplates };
  } catch (e) {
    failLoad(e, event);
  }
};
