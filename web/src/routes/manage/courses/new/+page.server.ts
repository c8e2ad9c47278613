import { error, redirect } from '@sveltejs/kit';
import { CourseFormOptionsDocument, CreateCourseDocument } from '@lh/graphql-client';
import { api, failLoad } from '$lib/server/api';
import { failFromApi } from '$lib/server/forms';
import { COURSE_FIELDS, emptyCourse, readCourseForm } from '../course-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  if (!event.locals.me) redirect(303, `/sign-in?next=${encodeURIComponent(event.url.pathname)}`);
  if (!event.locals.me.roles.includes('COORDINATOR')) error(403, { message: 'Only coordinators can add courses.', code: 'NOT_ALLOWED' });
  try {
    return { options: await api(event, CourseFormOptionsDocument, {}), values: emptyCourse };
  } catch (e) {
    failLoad(e, event);
  }
};

export const actions: Actions = {
  default: async (event) => {
    const { values, input, failure } = readCourseForm(await event.request.formData());
    if (failure) return failure;
    let id: string;
    try {
      id = (await api(event, CreateCourseDocument, { input })).createCourse.id;
    } catch (e) {
      return failFromApi(e, COURSE_FIELDS, values);
    }
    redirect(303, `/manage/courses?done=added&course=${id}`);
  },
};
