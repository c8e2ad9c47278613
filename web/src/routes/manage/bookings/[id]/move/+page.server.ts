import { redirect } from '@sveltejs/kit';
import { BookingDocument, CourseDocument, MoveBookingDocument } from '@lh/graphql-client';
import { api, failLoad } from '$lib/server/api';
import { failFromApi } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';
import { requireViewer } from '$lib/server/access';

export const load: PageServerLoad = async (event) => {
  requireViewer(event, 'COORDINATOR');
  try {
    const { booking } = await api(event, BookingDocument, { id: event.params.id });
    const { course } = await api(event, CourseDocument, { id: booking.session.course.id });
    return { booking, sessions: course.upcomingSessions.filter((s) => s.id !== booking.session.id) };
  } catch (e) {
    failLoad(e, event);
  }
};

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const values = { toSessionId: String(form.get('toSessionId') ?? ''), reason: String(form.get('reason') ?? '').trim() };
    let moved;
    try {
      ({ moveBooking: moved } = await api(event, MoveBookingDocument, { input: { bookingId: event.params.id, ...values } }));
    } catch (e) {
      return failFromApi(e, ['toSessionId', 'reason'], values);
    }
    redirect(303, `/manage/sessions/${moved.session.id}?done=moved`);
  },
};
