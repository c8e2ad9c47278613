import { redirect } from '@sveltejs/kit';
import { SetAgencyManagerCopyDocument } from '@lh/graphql-client';
import { api } from '$lib/server/api';
import { failField, failFromApi } from '$lib/server/forms';
import { loadAgency } from '../agency';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({ agency: await loadAgency(event) });

export const actions: Actions = {
  default: async (event) => {
    const copy = String((await event.request.formData()).get('copy') ?? '');
    if (copy !== 'yes' && copy !== 'no') {
      return failField('copy', 'Choose whether line managers get a copy', { copy });
    }
    try {
      await api(event, SetAgencyManagerCopyDocument, { agencyId: event.params.id, copy: copy === 'yes' });
    } catch (e) {
      return failFromApi(e, ['copy'], { copy });
    }
    redirect(303, `/manage/agencies/${event.params.id}?done=managerCopy`);
  },
};
