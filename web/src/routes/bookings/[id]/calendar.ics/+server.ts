import { redirect } from '@sveltejs/kit';
import { BookingCalendarDocument } from '@lh/graphql-client';
import { api, failLoad } from '$lib/server/api';
import type { RequestHandler } from './$types';

/** `attachment` with the file name as plain ASCII and, for any other letters, as UTF-8 (RFC 6266). */
function attachment(fileName: string): string {
  const ascii =
    fileName
      .normalize('NFKD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/["\\]/g, '')
      .trim() || 'booking.ics';
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** One booking as an .ics file to add to a calendar: the signed-in person's own, or any for coordinators. */
export const GET: RequestHandler = async (event) => {
  if (!event.locals.me) {
    redirect(303, `/sign-in?next=${encodeURIComponent(`/bookings/${event.params.id}`)}`);
  }
  try {
    const { bookingCalendar } = await api(event, BookingCalendarDocument, { bookingId: event.params.id });
    return new Response(bookingCalendar.content, {
      headers: {
        'content-type': 'text/calendar; charset=utf-8',
        'content-disposition': attachment(bookingCalendar.fileName),
        'cache-control': 'private, no-store',
      },
    });
  } catch (e) {
    failLoad(e, event);
  }
};
