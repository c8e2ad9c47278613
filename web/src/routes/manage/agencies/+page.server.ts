import { redirect } from '@sveltejs/kit';
import { AdminAgenciesDocument, BringBackAgencyDocument } from '@lh/graphql-client';
import { api, failLoad } from '$lib/server/api';
import { failFromApi } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';
import { requireViewer } from '$lib/server/access';

export const load: PageServerLoad = async (event) => {
  requireViewer(event, 'COORDINATOR');
  try {
    const { adminAgencies } = await api(event, AdminAgenciesDocument, {});
    return { agencies: adminAgencies, done: event.url.searchParams.get('done') };
  } catch (e) {
    failLoad(e, event);
  }
};

export const actions: Actions = {
  bringBack: async (event) => {
    const form = await event.request.formData();
    const agencyId = String(form.get('agencyId') ?? '');
    try {
      await api(event, BringBackAgencyDocument, { agencyId });
    } catch (e) {
      return failFromApi(e, []);
    }
    redirect(303, `/manage/agencies/${agencyId}?done=back`);
  },
};
