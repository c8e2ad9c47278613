import { redirect } from '@sveltejs/kit';
import { CoursesDocument, CreatePriorityAreaDocument, PriorityAreasDocument } from '@lh/graphql-client';
import { api, failLoad } from '$lib/server/api';
import { failFromApi } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';
import { requireViewer } from '$lib/server/access';

export const load: PageServerLoad = async (event) => {
  requireViewer(event, 'COORDINATOR');
  try {
    const [{ courses }, { priorityAreas }] = await Promise.all([api(event, CoursesDocument, {}), api(event, PriorityAreasDocument, {})]);
    return { courses, priorityAreas, done: event.url.searchParams.get('done'), courseId: event.url.searchParams.get('course') };
  } catch (e) {
    failLoad(e, event);
  }
};

export const actions: Actions = {
  area: async (event) => {
    const form = await event.request.formData();
    const values = { name: String(form.get('name') ?? '').trim() };
    try {
      await api(event, CreatePriorityAreaDocument, { input: values });
    } catch (e) {
      return failFromApi(e, ['name'], values);
    }
    redirect(303, '/manage/courses?done=area');
  },
};
