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
    const roles = (await event.request.formData()).getAll('roles').map(String);
    try {
      await api(event, SetPersonRolesDocument, { personId: event.params.id, roles: roles as Role[] });
    } catch (e) {
      return failFromApi(e, ['roles'], { roles });
    }
    redirect(303, `/manage/people/${event.params.id}?done=roles`);
  },
};
