import { redirect } from '@sveltejs/kit';
import { AddPeopleToSessionDocument, AddPersonToSessionDocument, PeopleToAddDocument, SessionRosterDocument } from '@lh/graphql-client';
import { api, failLoad } from '$lib/server/api';
import { requireViewer } from '$lib/server/access';
import { failFromApi } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

/** Adding people to a session: find one by name or email (a GET search), or paste a list of emails. */
export const load: PageServerLoad = async (event) => {
  requireViewer(event, 'COORDINATOR');
  const find = (event.url.searchParams.get('find') ?? '').trim().slice(0, 200);
  try {
    const [{ sessionRoster }, matches] = await Promise.all([
      api(event, SessionRosterDocument, { sessionId: event.params.id }),
      find
        ? api(event, PeopleToAddDocument, { sessionId: event.params.id, search: find }).then((r) => r.peopleToAdd)
        : Promise.resolve(null),
    ]);
    return { session: sessionRoster.session, find, matches };
  } catch (e) {
    failLoad(e, event);
  }
};

export const actions: Actions = {
  one: async (event) => {
    const form = await event.request.formData();
    const values = { personEmail: String(form.get('personEmail') ?? ''), reason: String(form.get('oneReason') ?? '').trim() };
    try {
      await api(event, AddPersonToSessionDocument, { input: { sessionId: event.params.id, ...values } });
    } catch (e) {
      // this form's reason box is `oneReason` (the paste form below has its own `reason`)
      const failure = failFromApi(e, ['personEmail', 'reason'], { ...values, oneReason: values.reason });
      failure.data.errors = failure.data.errors.map((x) => (x.field === 'reason' ? { ...x, field: 'oneReason' } : x));
      return failure;
    }
    redirect(303, `/manage/sessions/${event.params.id}?done=added#roster`);
  },
  several: async (event) => {
    const form = await event.request.formData();
    const values = { emails: String(form.get('emails') ?? ''), reason: String(form.get('reason') ?? '').trim() };
    try {
      const { addPeopleToSession } = await api(event, AddPeopleToSessionDocument, { input: { sessionId: event.params.id, ...values } });
      return { results: addPeopleToSession };
    } catch (e) {
      return failFromApi(e, ['emails', 'reason'], values);
    }
  },
};
