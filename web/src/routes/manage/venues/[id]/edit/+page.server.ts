import { redirect } from '@sveltejs/kit';
import { UpdateVenueDocument, VenueDocument } from '@lh/graphql-client';
import { api, failLoad } from '$lib/server/api';
import { failFromApi } from '$lib/server/forms';
import { VENUE_FIELDS, readVenueForm, type VenueFormValues } from '../../venue-form';
import type { Actions, PageServerLoad } from './$types';
import { requireViewer } from '$lib/server/access';

export const load: PageServerLoad = async (event) => {
  requireViewer(event, 'COORDINATOR');
  try {
    const { venue } = await api(event, VenueDocument, { id: event.params.id });
    const values: VenueFormValues = {
      name: venue.name,
      address: venue.address,
      rooms: venue.rooms.join('\n'),
      capacity: venue.capacity === null ? '' : String(venue.capacity),
      accessibilityNotes: venue.accessibilityNotes ?? '',
    };
    return { venue, values };
  } catch (e) {
    failLoad(e, event);
  }
};

export const actions: Actions = {
  default: async (event) => {
    const { values, input, failure } = readVenueForm(await event.request.formData());
    if (failure) {
      return failure;
    }
    try {
      await api(event, UpdateVenueDocument, { input: { id: event.params.id, ...input } });
    } catch (e) {
      return failFromApi(e, VENUE_FIELDS, values);
    }
    redirect(303, '/manage/venues?done=saved');
  },
};
