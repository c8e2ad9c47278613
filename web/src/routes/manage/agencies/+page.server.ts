import { error, redirect } from '@sveltejs/kit';
import { AgencyListDocument, SetAgencyApprovalExemptDocument } from '@lh/graphql-client';
import { api, failLoad } from '$lib/server/api';
import { failFromApi } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  if (!event.locals.me) redirect(303, `/sign-in?next=${encodeURIComponent(event.url.pathname)}`);
  if (!event.locals.me.roles.includes('COORDINATOR')) error(403, { message: 'Only coordinators can manage agencies.' });
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
