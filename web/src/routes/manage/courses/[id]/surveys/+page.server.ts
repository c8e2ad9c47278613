import { redirect } from '@sveltejs/kit';
import { CourseSurveySettingsDocument, SetCourseSurveySettingsDocument } from '@lh/graphql-client';
import { api, failLoad } from '$lib/server/api';
import { requireViewer } from '$lib/server/access';
import { failFromApi } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

const SLOTS = [
  'endOfCourseTemplateId',
  'sixMonthsTemplateId',
  'twelveMonthsTemplateId',
  'sixMonthsManagerTemplateId',
  'twelveMonthsManagerTemplateId',
] as const;

export const load: PageServerLoad = async (event) => {
  requireViewer(event, 'COORDINATOR');
  try {
    const data = await api(event, CourseSurveySettingsDocument, { courseId: event.params.id });
    return { settings: data.courseSurveySettings, templates: data.surveyTemplates, saved: event.url.searchParams.get('saved') === '1' };
  } catch (e) {
    failLoad(e, event);
  }
};

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const values = Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)]));
    try {
      await api(event, SetCourseSurveySettingsDocument, {
        input: {
          courseId: event.params.id,
          ...Object.fromEntries(SLOTS.map((s) => [s, values[s] || null])),
          sendManagerSurveys: values.sendManagerSurveys === 'yes',
        },
      });
    } catch (e) {
      return failFromApi(e, [...SLOTS], values);
    }
    redirect(303, `/manage/courses/${event.params.id}/surveys?saved=1`);
  },
};
