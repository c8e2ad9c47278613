import { redirect } from '@sveltejs/kit';
import { RetireAgencyDocument } from '@lh/graphql-client';
import { api } from '$lib/server/api';
import { failFromApi } from '$lib/server/forms';
import { loadAgency } from '../agency';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({ agency: await loadAgency(event) });

export const actions: Actions = {
  default: async (event) => {
    try {
      await api(event, RetireAgencyDocument, { agencyId: event.params.id });
    } catch (e) {
      return failFromApi(e, []);
    }
    redirect(303, `/manage/agencies/${event.params.id}?done=retired`);
  },
};
