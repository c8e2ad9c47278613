import { redirect } from '@sveltejs/kit';
import { PersonAdminDocument, SetPersonRolesDocument, type Role } from '@lh/graphql-client';
import { api, failLoad } from '$lib/server/api';
import { failFromApi } from '$lib/server/forms';
import { requireViewer } from '$lib/server/access';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const me = requireViewer(event, 'COORDINATOR');
  try {
    const { personAdmin: p } = await api(event, PersonAdminDocument, { id: event.params.id });
    return { person: { id: p.id, name: p.name, roles: p.roles }, isMe: me.id === p.id };
  } catch (e) {
    failLoad(e, event);
  }
};

export const actions: Actions = {
  default: async (event) => {
    requireViewer(event, 'COORDINATOR');
    const form = await event.request.formData();
    const roles = form.getAll('roles').map(String);
    const reason = String(form.get('reason') ?? '').trim();
    try {
      await api(event, SetPersonRolesDocument, { personId: event.params.id, roles: roles as Role[], reason: reason || null });
    } catch (e) {
      return failFromApi(e, ['roles', 'reason'], { roles, reason });
    }
    redirect(303, `/manage/people/${event.params.id}?done=roles`);
  },
};
