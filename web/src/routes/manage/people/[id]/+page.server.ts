import { redirect } from '@sveltejs/kit';
import { AttendanceHistoryDocument, PersonAdminDocument, ReactivatePersonDocument, SendPersonInvitationDocument } from '@lh/graphql-client';
import { api, failLoad } from '$lib/server/api';
import { failFromApi } from '$lib/server/forms';
import { requireViewer } from '$lib/server/access';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const me = requireViewer(event, 'COORDINATOR');
  try {
    const [{ personAdmin }, { attendanceHistory }] = await Promise.all([
      api(event, PersonAdminDocument, { id: event.params.id }),
      api(event, AttendanceHistoryDocument, { personId: event.params.id }),
    ]);
    return { person: personAdmin, attendance: attendanceHistory, isMe: me.id === personAdmin.id, done: event.url.searchParams.get('done') };
  } catch (e) {
    failLoad(e, event);
  }
};

export const actions: Actions = {
  invite: async (event) => {
    requireViewer(event, 'COORDINATOR');
    try {
      await api(event, SendPersonInvitationDocument, { personId: event.params.id });
    } catch (e) {
      return failFromApi(e, []);
    }
    redirect(303, `/manage/people/${event.params.id}?done=invited`);
  },
  reactivate: async (event) => {
    requireViewer(event, 'COORDINATOR');
    try {
      await api(event, ReactivatePersonDocument, { personId: event.params.id });
    } catch (e) {
      return failFromApi(e, []);
    }
    redirect(303, `/manage/people/${event.params.id}?done=reactivated`);
  },
};
