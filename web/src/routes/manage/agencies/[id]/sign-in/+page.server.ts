import { redirect } from '@sveltejs/kit';
import { SetAgencySignInDocument } from '@lh/graphql-client';
import { api } from '$lib/server/api';
import { submitForm } from '$lib/server/forms';
import { lines } from '../../agency-form';
import { loadAgency } from '../agency';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const agency = await loadAgency(event);
  return { agency, values: { ssoTenantIds: agency.ssoTenantIds.join('\n'), passwordSignIn: agency.passwordSignIn ? 'yes' : 'no' } };
};

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const values = {
      ssoTenantIds: String(form.get('ssoTenantIds') ?? '').trim(),
      passwordSignIn: String(form.get('passwordSignIn') ?? 'yes'),
    };
    const sent = await submitForm({
      problems: [],
      fields: ['ssoTenantIds', 'passwordSignIn'],
      values,
      call: () =>
        api(event, SetAgencySignInDocument, {
          input: { agencyId: event.params.id, ssoTenantIds: lines(values.ssoTenantIds), passwordSignIn: values.passwordSignIn !== 'no' },
        }),
    });
    if (!sent.ok) {
      return sent.failure;
    }
    redirect(303, `/manage/agencies/${event.params.id}?done=signIn`);
  },
};
