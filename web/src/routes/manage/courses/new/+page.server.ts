import { redirect } from '@sveltejs/kit';
import { CourseFormOptionsDocument, CreateCourseDocument } from '@lh/graphql-client';
import { api, failLoad } from '$lib/server/api';
import { submitForm } from '$lib/server/forms';
import { COURSE_FIELDS, emptyCourse, readCourseForm } from '../course-form';
import type { Actions, PageServerLoad } from './$types';
import { requireViewer } from '$lib/server/access';

export const load: PageServerLoad = async (event) => {
  requireViewer(event, 'COORDINATOR');
  try {
    return { options: await api(event, CourseFormOptionsDocument, {}), values: emptyCourse };
  } catch (e) {
    failLoad(e, event);
  }
};

export const actions: Actions = {
  default: async (event) => {
    const { values, input, problems, failure } = readCourseForm(await event.request.formData());
    if (failure) {
      return failure;
    }
    const sent = await submitForm({
      problems,
      fields: COURSE_FIELDS,
      values,
      call: () => api(event, CreateCourseDocument, { input, publishNow: values.publishNow === 'yes' }),
    });
    if (!sent.ok) {
      return sent.failure;
    }
    redirect(303, `/manage/courses?done=added&course=${sent.result.createCourse.id}`);
  },
};
