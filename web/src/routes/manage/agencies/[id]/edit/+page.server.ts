import { redirect } from '@sveltejs/kit';
import { UpdateAgencyDocument } from '@lh/graphql-client';
import { api } from '$lib/server/api';
import { submitForm } from '$lib/server/forms';
import { AGENCY_FIELDS, agencyValues, readAgencyForm } from '../../agency-form';
import { loadAgency } from '../agency';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const agency = await loadAgency(event);
  return { agency, values: agencyValues(agency) };
};

export const actions: Actions = {
  default: async (event) => {
    const { values, input } = readAgencyForm(await event.request.formData());
    const sent = await submitForm({
      problems: [],
      fields: AGENCY_FIELDS,
      values,
      call: () => api(event, UpdateAgencyDocument, { input: { ...input, agencyId: event.params.id } }),
    });
    if (!sent.ok) {
      return sent.failure;
    }
    redirect(303, `/manage/agencies/${event.params.id}?done=saved`);
  },
};
