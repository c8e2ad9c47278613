import { redirect } from '@sveltejs/kit';
import { AcceptOfferDocument, BookingDocument, CancelBookingDocument, DeclineOfferDocument } from '@lh/graphql-client';
import { api, failLoad } from '$lib/server/api';
import { failFromApi } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';
import { requireViewer } from '$lib/server/access';

export const load: PageServerLoad = async (event) => {
  requireViewer(event);
  try {
    const { booking } = await api(event, BookingDocument, { id: event.params.id });
    return { booking, outcome: event.url.searchParams.get('outcome') };
  } catch (e) {
    failLoad(e, event);
  }
};

export const actions: Actions = {
  cancel: async (event) => {
    const form = await event.request.formData();
    const reason = String(form.get('reason') ?? '').trim();
    try {
      await api(event, CancelBookingDocument, {
        bookingId: event.params.id,
        reason: reason || null,
        countAsLate: form.get('countAsLate') === 'yes',
      });
    } catch (e) {
      return failFromApi(e, ['reason'], { reason });
    }
    redirect(303, `/bookings/${event.params.id}?outcome=cancelled`);
  },
  accept: async (event) => {
    try {
      await api(event, AcceptOfferDocument, { bookingId: event.params.id });
    } catch (e) {
      return failFromApi(e, []);
    }
    redirect(303, `/bookings/${event.params.id}?outcome=accepted`);
  },
  decline: async (event) => {
    try {
      await api(event, DeclineOfferDocument, { bookingId: event.params.id });
    } catch (e) {
      return failFromApi(e, []);
    }
    redirect(303, `/bookings/${event.params.id}?outcome=declined`);
  },
};
