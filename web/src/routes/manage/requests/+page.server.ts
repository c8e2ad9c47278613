import { fail, redirect } from '@sveltejs/kit';
import {
  ApproveRegistrationDocument,
  CreateAgencyFromRequestDocument,
  MapAgencyRequestDocument,
  RefuseAgencyRequestDocument,
  RefuseRegistrationDocument,
  RegistrationQueueDocument,
  type AgencySector,
} from '@lh/graphql-client';
import { api, failLoad } from '$lib/server/api';
import { failFromApi, type FormProblem } from '$lib/server/forms';
import { requireViewer } from '$lib/server/access';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async (event) => {
  requireViewer(event, 'COORDINATOR');
  try {
    const data = await api(event, RegistrationQueueDocument, {});
    return {
      ...data,
      done: event.url.searchParams.get('done'),
      name: event.url.searchParams.get('name'),
    };
  } catch (e) {
    failLoad(e, event);
  }
};

/** Runs one decision; a problem comes back with the id of the row it belongs to, so the page shows it there. */
async function decide(
  event: RequestEvent,
  fields: string[],
  call: (form: FormData) => Promise<string>,
  done: string,
  precheck: (form: FormData) => FormProblem[] = () => [],
) {
  const form = await event.request.formData();
  const id = String(form.get('id') ?? '');
  const values = Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)]));
  const atRow = (problems: FormProblem[]) => problems.map((p) => ({ ...p, field: p.field ? `${p.field}-${id}` : null }));
  // what the API cannot be asked without (a choice left empty), checked here, all at once
  const mine = precheck(form);
  if (mine.length) {
    return fail(400, { errors: atRow(mine), values, id, action: done, code: 'BAD_USER_INPUT' });
  }
  let name: string;
  try {
    name = await call(form);
  } catch (e) {
    const failure = failFromApi(e, fields, values);
    return fail(failure.status, { ...failure.data, id, action: done, errors: atRow(failure.data.errors) });
  }
  redirect(303, `/manage/requests?done=${done}&name=${encodeURIComponent(name)}`);
}

const text = (form: FormData, key: string) => String(form.get(key) ?? '');

export const actions: Actions = {
  approve: (event) =>
    decide(
      event,
      [],
      async (form) => (await api(event, ApproveRegistrationDocument, { personId: text(form, 'id') })).approveRegistration.name,
      'approved',
    ),
  refuse: (event) =>
    decide(
      event,
      ['reason'],
      async (form) =>
        (await api(event, RefuseRegistrationDocument, { personId: text(form, 'id'), reason: text(form, 'reason') || null }))
          .refuseRegistration.name,
      'refused',
    ),
  createAgency: (event) =>
    decide(
      event,
      ['name', 'sector'],
      async (form) =>
        (
          await api(event, CreateAgencyFromRequestDocument, {
            input: { requestId: text(form, 'id'), name: text(form, 'name'), sector: text(form, 'sector') as AgencySector },
          })
        ).createAgencyFromRequest.personName,
      'created',
      (form) => [
        ...(text(form, 'name').trim() ? [] : [{ field: 'name', message: "Enter the agency's name" }]),
        ...(text(form, 'sector') ? [] : [{ field: 'sector', message: "Choose the agency's sector" }]),
      ],
    ),
  mapAgency: (event) =>
    decide(
      event,
      ['agencyId'],
      async (form) =>
        (await api(event, MapAgencyRequestDocument, { requestId: text(form, 'id'), agencyId: text(form, 'agencyId') })).mapAgencyRequest
          .personName,
      'mapped',
      (form) => (text(form, 'agencyId') ? [] : [{ field: 'agencyId', message: 'Choose an agency from the list' }]),
    ),
  refuseRequest: (event) =>
    decide(
      event,
      ['reason'],
      async (form) =>
        (await api(event, RefuseAgencyRequestDocument, { requestId: text(form, 'id'), reason: text(form, 'reason') || null }))
          .refuseAgencyRequest.personName,
      'request-refused',
    ),
};
