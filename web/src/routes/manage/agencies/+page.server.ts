import { redirect } from '@sveltejs/kit';
import { AgencyListDocument, SetAgencyApprovalExemptDocument } from '@lh/graphql-client';
import { api, failLoad } from '$lib/server/api';
import { failFromApi } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';
import { requireViewer } from '$lib/server/access';

export const load: PageServerLoad = async (event) => {
  requireViewer(event, 'COORDINATOR');
  try {
    const { agencies } = await api(event, AgencyListDocument, {});
    return { agencies, done: event.url.searchParams.get('done') };
  } catch (e) {
    failLoad(e, event);
  }
};

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    try {
      await api(event, SetAgencyApprovalExemptDocument, {
        agencyId: String(form.get('agencyId') ?? ''),
        exempt: form.get('exempt') === 'yes',
      });
    } catch (e) {
      return failFromApi(e, []);
    }
    redirect(303, '/manage/agencies?done=saved');
  },
};
