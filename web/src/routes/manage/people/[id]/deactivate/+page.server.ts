import { redirect } from '@sveltejs/kit';
import { DeactivatePersonDocument, PersonAdminDocument } from '@lh/graphql-client';
import { isActive } from '@lh/domain';
import { api, failLoad } from '$lib/server/api';
import { failFromApi } from '$lib/server/forms';
import { requireViewer } from '$lib/server/access';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const me = requireViewer(event, 'COORDINATOR');
  try {
    const { personAdmin: p } = await api(event, PersonAdminDocument, { id: event.params.id });
    // the same bookings the API cancels: live ones on sessions that have not started
    const toCancel = p.bookings.filter((b) => b.upcoming && isActive(b.status));
    return { person: { id: p.id, name: p.name, status: p.status }, toCancel, isMe: me.id === p.id };
  } catch (e) {
    failLoad(e, event);
  }
};

export const actions: Actions = {
  default: async (event) => {
    requireViewer(event, 'COORDINATOR');
    const reason = String((await event.request.formData()).get('reason') ?? '').trim();
    try {
      await api(event, DeactivatePersonDocument, { personId: event.params.id, reason: reason || null });
    } catch (e) {
      return failFromApi(e, ['reason'], { reason });
    }
    redirect(303, `/manage/people/${event.params.id}?done=deactivated`);
  },
};
