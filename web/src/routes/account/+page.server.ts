import {
  CalendarFeedDocument,
  MyProfileDocument,
  ResetCalendarFeedDocument,
  StopCalendarFeedDocument,
  UpdateMyProfileDocument,
} from '@lh/graphql-client';
import { api, failLoad } from '$lib/server/api';
import { failFromApi } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';
import { requireViewer } from '$lib/server/access';

export const load: PageServerLoad = async (event) => {
  const me = requireViewer(event);
  try {
    const [{ calendarFeed }, { myProfile }] = await Promise.all([api(event, CalendarFeedDocument, {}), api(event, MyProfileDocument, {})]);
    return { me, calendarFeed, profile: myProfile };
  } catch (e) {
    failLoad(e, event);
  }
};

export const actions: Actions = {
  /** Your usual line manager: prefilled when a course needs approval. */
  lineManager: async (event) => {
    const form = await event.request.formData();
    const values = { lineManagerEmail: String(form.get('lineManagerEmail') ?? '') };
    try {
      await api(event, UpdateMyProfileDocument, { input: { lineManagerEmail: values.lineManagerEmail } });
      return { lineManagerSaved: true };
    } catch (e) {
      return failFromApi(e, ['lineManagerEmail'], values);
    }
  },
  /** Access and dietary needs: prefilled on every booking form (each booking keeps its own copy). */
  needs: async (event) => {
    const form = await event.request.formData();
    const values = { accessNeeds: String(form.get('accessNeeds') ?? ''), dietaryNeeds: String(form.get('dietaryNeeds') ?? '') };
    try {
      await api(event, UpdateMyProfileDocument, { input: values });
      return { needsSaved: true };
    } catch (e) {
      return failFromApi(e, ['accessNeeds', 'dietaryNeeds'], values);
    }
  },
  /** Makes a new feed address (the old one stops working) and shows it this once. */
  resetFeed: async (event) => {
    try {
      const { resetCalendarFeed } = await api(event, ResetCalendarFeedDocument, {});
      return { feedUrl: resetCalendarFeed.url };
    } catch (e) {
      return failFromApi(e, []);
    }
  },
  stopFeed: async (event) => {
    try {
      await api(event, StopCalendarFeedDocument, {});
      return { feedStopped: true };
    } catch (e) {
      return failFromApi(e, []);
    }
  },
};
