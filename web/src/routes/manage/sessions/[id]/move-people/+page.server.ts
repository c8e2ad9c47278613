import { CourseDocument, MoveBookingsDocument, SessionRosterDocument, SessionRosterListDocument } from '@lh/graphql-client';
import { isActive } from '@lh/domain';
import { api, failLoad } from '$lib/server/api';
import { requireViewer } from '$lib/server/access';
import { failFromApi } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

/** Moving a chosen set of people to another date of the same course (for example when this date is cancelled). */
export const load: PageServerLoad = async (event) => {
  requireViewer(event, 'COORDINATOR');
  try {
    const [{ sessionRoster }, { sessionRosterList }] = await Promise.all([
      api(event, SessionRosterDocument, { sessionId: event.params.id }),
      api(event, SessionRosterListDocument, { sessionId: event.params.id, sort: 'STATUS' }),
    ]);
    const { course } = await api(event, CourseDocument, { id: sessionRoster.session.course.id });
    return {
      session: sessionRoster.session,
      people: sessionRosterList.entries.filter((e) => isActive(e.status)),
      dates: course.upcomingSessions.filter((s) => s.id !== event.params.id),
    };
  } catch (e) {
    failLoad(e, event);
  }
};

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const values = {
      bookingIds: form.getAll('bookingIds').map(String),
      toSessionId: String(form.get('toSessionId') ?? ''),
      reason: String(form.get('reason') ?? '').trim(),
    };
    try {
      const { moveBookings } = await api(event, MoveBookingsDocument, { input: { fromSessionId: event.params.id, ...values } });
      return { results: moveBookings };
    } catch (e) {
      return failFromApi(e, ['bookingIds', 'toSessionId', 'reason'], values);
    }
  },
};
