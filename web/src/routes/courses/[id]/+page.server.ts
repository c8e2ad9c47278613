import { AskForNewDatesDocument, CourseDocument, CourseNewDatesDocument, StopNewDatesDocument } from '@lh/graphql-client';
import { api, failLoad } from '$lib/server/api';
import { failFromApi } from '$lib/server/forms';
import { requireViewer } from '$lib/server/access';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  try {
    // side by side, but the course's own answer decides the page (an id that is no course is "not found")
    const [course, newDates] = await Promise.allSettled([
      api(event, CourseDocument, { id: event.params.id }),
      api(event, CourseNewDatesDocument, { courseId: event.params.id }),
    ]);
    if (course.status === 'rejected') {
      throw course.reason;
    }
    if (newDates.status === 'rejected') {
      throw newDates.reason;
    }
    return { course: course.value.course, newDates: newDates.value.courseNewDates, signedIn: !!event.locals.me };
  } catch (e) {
    failLoad(e, event);
  }
};

export const actions: Actions = {
  /** "Tell me when new dates are added": one open request per person and course (asking again changes nothing). */
  tellMe: async (event) => {
    requireViewer(event);
    try {
      await api(event, AskForNewDatesDocument, { courseId: event.params.id });
      return { newDates: 'asked' as const };
    } catch (e) {
      return failFromApi(e, []);
    }
  },
  stopTelling: async (event) => {
    requireViewer(event);
    const form = await event.request.formData();
    try {
      await api(event, StopNewDatesDocument, { interestId: String(form.get('interestId') ?? '') });
      return { newDates: 'stopped' as const };
    } catch (e) {
      return failFromApi(e, []);
    }
  },
};
