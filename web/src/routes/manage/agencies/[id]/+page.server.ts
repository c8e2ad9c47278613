import { error, redirect } from '@sveltejs/kit';
import { AgencyListDocument, SetAgencyEmailRulesDocument } from '@lh/graphql-client';
import { api, failLoad } from '$lib/server/api';
import { failFromApi } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';
import { requireViewer } from '$lib/server/access';

export const load: PageServerLoad = async (event) => {
  requireViewer(event, 'COORDINATOR');
  let agencies;
  try {
    ({ agencies } = await api(event, AgencyListDocument, {}));
  } catch (e) {
    failLoad(e, event);
  }
  const agency = agencies.find((a) => a.id === event.params.id);
  if (!agency) {
    error(404, { message: 'There is no agency with that id.', code: 'NOT_FOUND' });
  }
  return { agency };
};

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const values = {
      emailDomains: String(form.get('emailDomains') ?? ''),
      managerEmailOnDomains: form.get('managerEmailOnDomains') === 'yes',
    };
    try {
      await api(event, SetAgencyEmailRulesDocument, {
        input: {
          agencyId: event.params.id,
          emailDomains: values.emailDomains
            .split(/[\s,;]+/)
            .map((d) => d.trim())
            .filter(Boolean),
          managerEmailOnDomains: values.managerEmailOnDomains,
        },
      });
    } catch (e) {
      return failFromApi(e, ['emailDomains'], values);
    }
    redirect(303, '/manage/agencies?done=saved');
  },
};
