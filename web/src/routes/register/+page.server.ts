import { redirect } from '@sveltejs/kit';
import { RegisterDocument, RegistrationAgenciesDocument } from '@lh/graphql-client';
import { api, failLoad } from '$lib/server/api';
import { submitForm } from '$lib/server/forms';
import { agencyChoice } from './agency-choice';
import type { Actions, PageServerLoad } from './$types';

const FIELDS = ['name', 'email', 'password', 'agencyId', 'agencyName', 'jobTitle', 'team', 'lineManagerEmail'];

export const load: PageServerLoad = async (event) => {
  if (event.locals.me) {
    redirect(303, '/account');
  }
  try {
    const { registrationAgencies } = await api(event, RegistrationAgenciesDocument, {});
    return { agencies: registrationAgencies };
  } catch (e) {
    failLoad(e, event);
  }
};

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const read = (k: string) => String(form.get(k) ?? '');
    const values = Object.fromEntries(FIELDS.filter((f) => f !== 'password').map((f) => [f, read(f)]));
    const password = read('password');
    const choice = agencyChoice(values.agencyId!, values.agencyName!);
    const outcome = await submitForm({
      problems: [],
      fields: FIELDS,
      values,
      call: () =>
        api(event, RegisterDocument, {
          input: {
            name: values.name!,
            email: values.email!,
            password,
            agencyId: choice.agencyId,
            agencyName: choice.agencyName,
            jobTitle: values.jobTitle!,
            team: values.team || null,
            lineManagerEmail: values.lineManagerEmail || null,
          },
        }),
    });
    if (!outcome.ok) {
      return outcome.failure;
    }
    redirect(303, '/register/check-email');
  },
};
