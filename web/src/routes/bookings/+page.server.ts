import { MyBookingsDocument } from '@lh/graphql-client';
import { api, failLoad } from '$lib/server/api';
import type { PageServerLoad } from './$types';
import { requireViewer } from '$lib/server/access';

export const load: PageServerLoad = async (event) => {
  requireViewer(event);
  try {
    const { myBookings } = await api(event, MyBookingsDocument, {});
    return { bookings: myBookings };
  } catch (e) {
    failLoad(e, event);
  }
};
