import { CalendarFeedDocument, ResetCalendarFeedDocument, StopCalendarFeedDocument } from '@lh/graphql-client';
import { api, failLoad } from '$lib/server/api';
import { failFromApi } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';
import { requireViewer } from '$lib/server/access';

export const load: PageServerLoad = async (event) => {
  const me = requireViewer(event);
  try {
    const { calendarFeed } = await api(event, CalendarFeedDocument, {});
    return { me, calendarFeed };
  } catch (e) {
    failLoad(e, event);
  }
};

export const actions: Actions = {
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
