import { AskForNewDatesDocument, CourseDocument, CourseNewDatesDocument, StopNewDatesDocument } from '@lh/graphql-client';
import { api, failLoad } from '$lib/server/api';
import { failFromApi } from '$lib/server/forms';
import { requireViewer } from '$lib/server/access';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  try {
    const [{ course }, { courseNewDates }] = await Promise.all([
      api(event, CourseDocument, { id: event.params.id }),
      api(event, CourseNewDatesDocument, { courseId: event.params.id }),
    ]);
    return { course, newDates: courseNewDates, signedIn: !!event.locals.me };
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
