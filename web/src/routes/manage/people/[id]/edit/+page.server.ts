import { redirect } from '@sveltejs/kit';
import { AgencyListDocument, PersonAdminDocument, UpdatePersonDocument } from '@lh/graphql-client';
import { api, failLoad } from '$lib/server/api';
import { failFromApi } from '$lib/server/forms';
import { requireViewer } from '$lib/server/access';
import { PERSON_FIELDS, readPersonForm, type PersonFormValues } from '../../person-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireViewer(event, 'COORDINATOR');
  try {
    const [{ personAdmin: p }, { agencies }] = await Promise.all([
      api(event, PersonAdminDocument, { id: event.params.id }),
      api(event, AgencyListDocument, {}),
    ]);
    const values: PersonFormValues = {
      name: p.name,
      email: p.email,
      agencyId: p.agencyId ?? '',
      jobTitle: p.jobTitle ?? '',
      team: p.team ?? '',
      lineManagerEmail: p.lineManagerEmail ?? '',
      roles: p.roles,
      sendInvitation: '',
    };
    return { person: { id: p.id, name: p.name }, agencies, values };
  } catch (e) {
    failLoad(e, event);
  }
};

export const actions: Actions = {
  default: async (event) => {
    requireViewer(event, 'COORDINATOR');
    const { values, details } = readPersonForm(await event.request.formData());
    try {
      await api(event, UpdatePersonDocument, {
        input: { ...details, personId: event.params.id, lineManagerEmail: values.lineManagerEmail || null },
      });
    } catch (e) {
      return failFromApi(e, PERSON_FIELDS, values);
    }
    redirect(303, `/manage/people/${event.params.id}?done=saved`);
  },
};
