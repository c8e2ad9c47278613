import { redirect } from '@sveltejs/kit';
import { MyBookingsDocument } from '@lh/graphql-client';
import { api, failLoad } from '$lib/server/api';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  if (!event.locals.me) redirect(303, `/sign-in?next=${encodeURIComponent(event.url.pathname)}`);
  try {
    const { myBookings } = await api(event, MyBookingsDocument, {});
    return { bookings: myBookings };
  } catch (e) {
    failLoad(e, event);
  }
};
