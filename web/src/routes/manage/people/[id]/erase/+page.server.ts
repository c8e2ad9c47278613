import { redirect } from '@sveltejs/kit';
import { ErasePersonDocument, PersonAdminDocument } from '@lh/graphql-client';
import { api, failLoad } from '$lib/server/api';
import { failFromApi } from '$lib/server/forms';
import { requireViewer } from '$lib/server/access';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const me = requireViewer(event, 'COORDINATOR');
  try {
    const { personAdmin: p } = await api(event, PersonAdminDocument, { id: event.params.id });
    return { person: { id: p.id, name: p.name, status: p.status }, isMe: me.id === p.id };
  } catch (e) {
    failLoad(e, event);
  }
};

export const actions: Actions = {
  default: async (event) => {
    requireViewer(event, 'COORDINATOR');
    const reason = String((await event.request.formData()).get('reason') ?? '');
    try {
      await api(event, ErasePersonDocument, { personId: event.params.id, reason });
    } catch (e) {
      return failFromApi(e, ['reason'], { reason });
    }
    redirect(303, `/manage/people/${event.params.id}?done=erased`);
  },
};
