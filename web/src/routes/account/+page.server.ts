import { redirect } from '@sveltejs/kit';
import { CalendarFeedDocument, ResetCalendarFeedDocument, StopCalendarFeedDocument } from '@lh/graphql-client';
import { api, failLoad } from '$lib/server/api';
import { failFromApi } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  if (!event.locals.me) redirect(303, `/sign-in?next=${encodeURIComponent(event.url.pathname)}`);
  try {
    const { calendarFeed } = await api(event, CalendarFeedDocument, {});
    return { me: event.locals.me, calendarFeed };
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
