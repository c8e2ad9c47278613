import { redirect } from '@sveltejs/kit';
import { BookingCalendarDocument } from '@lh/graphql-client';
import { api, failLoad } from '$lib/server/api';
import { download } from '$lib/server/download';
import type { RequestHandler } from './$types';

/** One booking as an .ics file to add to a calendar: the signed-in person's own, or any for coordinators. */
export const GET: RequestHandler = async (event) => {
  if (!event.locals.me) {
    redirect(303, `/sign-in?next=${encodeURIComponent(`/bookings/${event.params.id}`)}`);
  }
  try {
    const { bookingCalendar } = await api(event, BookingCalendarDocument, { bookingId: event.params.id });
    return download(bookingCalendar.content, 'text/calendar; charset=utf-8', bookingCalendar.fileName, 'booking.ics');
  } catch (e) {
    failLoad(e, event);
  }
};
