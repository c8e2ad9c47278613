import { redirect } from '@sveltejs/kit';
import { SetAgencyApprovalExemptDocument } from '@lh/graphql-client';
import { api } from '$lib/server/api';
import { failFromApi } from '$lib/server/forms';
import { loadAgency } from '../agency';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({ agency: await loadAgency(event) });

export const actions: Actions = {
  /** The page says what will change; this makes that change (the rule posted, so a second click changes nothing). */
  default: async (event) => {
    const form = await event.request.formData();
    try {
      await api(event, SetAgencyApprovalExemptDocument, { agencyId: event.params.id, exempt: form.get('exempt') === 'yes' });
    } catch (e) {
      return failFromApi(e, []);
    }
    redirect(303, `/manage/agencies/${event.params.id}?done=approval`);
  },
};
