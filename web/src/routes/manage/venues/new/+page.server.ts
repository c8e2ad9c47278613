import { redirect } from '@sveltejs/kit';
import { CreateVenueDocument } from '@lh/graphql-client';
import { api } from '$lib/server/api';
import { failFromApi } from '$lib/server/forms';
import { VENUE_FIELDS, emptyVenue, readVenueForm } from '../venue-form';
import type { Actions, PageServerLoad } from './$types';
import { requireViewer } from '$lib/server/access';

export const load: PageServerLoad = async (event) => {
  requireViewer(event, 'COORDINATOR');
  return { values: emptyVenue };
};

export const actions: Actions = {
  default: async (event) => {
    const { values, input, failure } = readVenueForm(await event.request.formData());
    if (failure) {
      return failure;
    }
    try {
      await api(event, CreateVenueDocument, { input });
    } catch (e) {
      return failFromApi(e, VENUE_FIELDS, values);
    }
    redirect(303, '/manage/venues?done=added');
  },
};
