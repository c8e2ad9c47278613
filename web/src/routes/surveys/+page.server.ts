import { ImpactSurveysStoppedDocument, SetImpactSurveysStoppedDocument, YourSurveysDocument } from '@lh/graphql-client';
import { api, failLoad } from '$lib/server/api';
import { requireViewer } from '$lib/server/access';
import type { Actions, PageServerLoad } from './$types';

/** The signed-in person's surveys: each opens the same form as the link in their email; and whether impact surveys are stopped. */
export const load: PageServerLoad = async (event) => {
  requireViewer(event);
  try {
    const [{ yourSurveys }, { impactSurveysStopped }] = await Promise.all([
      api(event, YourSurveysDocument, {}),
      api(event, ImpactSurveysStoppedDocument, {}),
    ]);
    return { surveys: yourSurveys, impactStopped: impactSurveysStopped };
  } catch (e) {
    failLoad(e, event);
  }
};

export const actions: Actions = {
  /** Stops or restarts impact surveys (6 and 12 months). */
  impact: async (event) => {
    requireViewer(event);
    const form = await event.request.formData();
    const stopped = form.get('stopped') === 'true';
    await api(event, SetImpactSurveysStoppedDocument, { stopped });
    return { impactSaved: stopped ? 'Impact surveys stopped' : 'Impact surveys started again' };
  },
};
