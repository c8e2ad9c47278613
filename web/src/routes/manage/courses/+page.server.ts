import { redirect } from '@sveltejs/kit';
import {
  CoursesWaitingForDatesDocument,
  CreatePriorityAreaDocument,
  ManageCoursesDocument,
  PriorityAreasDocument,
  type CourseStatus,
} from '@lh/graphql-client';
import { api, failLoad } from '$lib/server/api';
import { failFromApi } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';
import { requireViewer } from '$lib/server/access';

const STATUSES: readonly CourseStatus[] = ['DRAFT', 'PUBLISHED', 'ARCHIVED'];

export const load: PageServerLoad = async (event) => {
  requireViewer(event, 'COORDINATOR');
  // the status filter (a GET form): an unknown value shows every course, as "All" does
  const asked = event.url.searchParams.get('status') ?? '';
  const status = (STATUSES as readonly string[]).includes(asked) ? (asked as CourseStatus) : null;
  try {
    const [{ manageCourses: courses }, { priorityAreas }, { coursesWaitingForDates }] = await Promise.all([
      api(event, ManageCoursesDocument, { status }),
      api(event, PriorityAreasDocument, {}),
      api(event, CoursesWaitingForDatesDocument, {}),
    ]);
    const waitingForDates = Object.fromEntries(coursesWaitingForDates.map((w) => [w.courseId, w.waiting]));
    return {
      courses,
      priorityAreas,
      status,
      waitingForDates,
      done: event.url.searchParams.get('done'),
      courseId: event.url.searchParams.get('course'),
    };
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
