import { redirect } from '@sveltejs/kit';
import { SaveSurveyTemplateDocument, type SurveyAudience, type SurveyMode, type SurveyStage } from '@lh/graphql-client';
import { api } from '$lib/server/api';
import { requireViewer } from '$lib/server/access';
import { failFromApi } from '$lib/server/forms';
import { questionFrom } from '../template-edit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
  requireViewer(event, 'COORDINATOR');
};

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const values = Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)]));
    let id: string;
    try {
      const { saveSurveyTemplate } = await api(event, SaveSurveyTemplateDocument, {
        input: {
          name: values.name ?? '',
          stage: (values.stage ?? '') as SurveyStage,
          audience: (values.audience ?? '') as SurveyAudience,
          mode: (values.mode ?? '') as SurveyMode,
          questions: [questionFrom(form)],
        },
      });
      id = saveSurveyTemplate.id;
    } catch (e) {
      return failFromApi(e, ['name', 'stage', 'audience', 'mode'], values);
    }
    redirect(303, `/manage/surveys/${id}?done=made`);
  },
};
