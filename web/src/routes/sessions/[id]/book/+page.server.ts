import { redirect } from '@sveltejs/kit';
import { randomUUID } from 'node:crypto';
import { BookSessionDocument, CourseEligibilityDocument, MyProfileDocument, SessionForBookingDocument } from '@lh/graphql-client';
import { api, failLoad } from '$lib/server/api';
import { failFromApi } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';
import { requireViewer } from '$lib/server/access';

export const load: PageServerLoad = async (event) => {
  requireViewer(event);
  try {
    const [{ session }, { myProfile }] = await Promise.all([
      api(event, SessionForBookingDocument, { id: event.params.id }),
      api(event, MyProfileDocument, {}),
    ]);
    // Who may book, from the same rules the API applies when the form is sent: no form for people it would refuse.
    const { course } = await api(event, CourseEligibilityDocument, { id: session.course.id });
    // One key per visit to this form: submitting twice (a double click, a retry) books once.
    return {
      detail: session,
      course,
      now: Date.now(),
      // prefilled from the profile (changeable here; what is sent is kept for next time)
      lineManagerEmail: myProfile.lineManagerEmail ?? '',
      accessNeeds: myProfile.accessNeeds ?? '',
      dietaryNeeds: myProfile.dietaryNeeds ?? '',
      idempotencyKey: randomUUID(),
    };
  } catch (e) {
    failLoad(e, event);
  }
};

const FIELDS = ['accessNeeds', 'dietaryNeeds', 'managerEmail'];

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const values = {
      accessNeeds: String(form.get('accessNeeds') ?? ''),
      dietaryNeeds: String(form.get('dietaryNeeds') ?? ''),
      managerEmail: String(form.get('managerEmail') ?? ''),
    };
    let bookingId: string;
    try {
      const { bookSession } = await api(event, BookSessionDocument, {
        input: {
          sessionId: event.params.id,
          accessNeeds: values.accessNeeds || null,
          dietaryNeeds: values.dietaryNeeds || null,
          managerEmail: values.managerEmail || null,
          idempotencyKey: String(form.get('idempotencyKey') ?? '') || null,
        },
      });
      bookingId = bookSession.id;
    } catch (e) {
      return failFromApi(e, FIELDS, values);
    }
    redirect(303, `/bookings/${bookingId}?outcome=booked`);
  },
};
