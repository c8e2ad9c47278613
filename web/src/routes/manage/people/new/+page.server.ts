import { redirect } from '@sveltejs/kit';
import { AgencyListDocument, CreatePersonDocument, type Role } from '@lh/graphql-client';
import { api, failLoad } from '$lib/server/api';
import { failFromApi } from '$lib/server/forms';
import { requireViewer } from '$lib/server/access';
import { PERSON_FIELDS, emptyPerson, readPersonForm } from '../person-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireViewer(event, 'COORDINATOR');
  try {
    const { agencies } = await api(event, AgencyListDocument, {});
    return { agencies, values: emptyPerson };
  } catch (e) {
    failLoad(e, event);
  }
};

export const actions: Actions = {
  default: async (event) => {
    requireViewer(event, 'COORDINATOR');
    const { values, details } = readPersonForm(await event.request.formData());
    // the question is answered "yes" when the page opens; a post without it sends no mail
    const sendInvitation = values.sendInvitation === 'yes';
    let id: string;
    try {
      ({
        createPerson: { id },
      } = await api(event, CreatePersonDocument, { input: { ...details, roles: values.roles as Role[], sendInvitation } }));
    } catch (e) {
      return failFromApi(e, PERSON_FIELDS, values);
    }
    redirect(303, `/manage/people/${id}?done=${sendInvitation ? 'invited' : 'added'}`);
  },
};
