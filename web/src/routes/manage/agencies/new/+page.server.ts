import { redirect } from '@sveltejs/kit';
import { CreateAgencyDocument } from '@lh/graphql-client';
import { api } from '$lib/server/api';
import { submitForm } from '$lib/server/forms';
import { AGENCY_FIELDS, emptyAgency, readAgencyForm } from '../agency-form';
import type { Actions, PageServerLoad } from './$types';
import { requireViewer } from '$lib/server/access';

export const load: PageServerLoad = async (event) => {
  requireViewer(event, 'COORDINATOR');
  return { values: emptyAgency };
};

export const actions: Actions = {
  default: async (event) => {
    const { values, input } = readAgencyForm(await event.request.formData());
    const sent = await submitForm({ problems: [], fields: AGENCY_FIELDS, values, call: () => api(event, CreateAgencyDocument, { input }) });
    if (!sent.ok) {
      return sent.failure;
    }
    redirect(303, `/manage/agencies/${sent.result.createAgency.id}?done=added`);
  },
};
