import { redirect } from '@sveltejs/kit';
import { ApiRequestError, MergePeopleDocument, MergePreviewDocument, PeopleDocument, PersonAdminDocument } from '@lh/graphql-client';
import { api, failLoad } from '$lib/server/api';
import { failFromApi, type FormProblem } from '$lib/server/forms';
import { requireViewer } from '$lib/server/access';
import type { Actions, PageServerLoad } from './$types';

/** Step 1 (GET): the other account's email and which to keep; step 2: the preview and the confirm button (POST). */
export const load: PageServerLoad = async (event) => {
  requireViewer(event, 'COORDINATOR');
  const email = (event.url.searchParams.get('email') ?? '').trim();
  const keep = event.url.searchParams.get('keep') === 'other' ? 'other' : 'this';
  let person;
  try {
    ({ personAdmin: person } = await api(event, PersonAdminDocument, { id: event.params.id }));
  } catch (e) {
    failLoad(e, event);
  }
  const base = {
    person: { id: person.id, name: person.name, email: person.email },
    values: { email, keep },
    preview: null,
    errors: [] as FormProblem[],
  };
  if (!event.url.searchParams.has('email')) {
    return base;
  }
  if (!email) {
    return { ...base, errors: [{ field: 'email', message: "Enter the email address of the person's other account" }] };
  }
  try {
    const { people } = await api(event, PeopleDocument, { filter: { text: email } });
    const other = people.people.find((p) => p.email === email.toLowerCase());
    if (!other) {
      return { ...base, errors: [{ field: 'email', message: `There is no account with the email address ${email}` }] };
    }
    const [keepId, mergeId] = keep === 'this' ? [person.id, other.id] : [other.id, person.id];
    const { mergePreview } = await api(event, MergePreviewDocument, { keepId, mergeId });
    return { ...base, preview: mergePreview, keepId, mergeId };
  } catch (e) {
    if (e instanceof ApiRequestError && e.code === 'BAD_USER_INPUT') {
      return { ...base, errors: [{ field: 'email', message: e.errors[0]?.message ?? e.message }] };
    }
    failLoad(e, event);
  }
};

export const actions: Actions = {
  default: async (event) => {
    requireViewer(event, 'COORDINATOR');
    const form = await event.request.formData();
    const keepId = String(form.get('keepId') ?? '');
    const mergeId = String(form.get('mergeId') ?? '');
    try {
      await api(event, MergePeopleDocument, { keepId, mergeId });
    } catch (e) {
      return failFromApi(e, []);
    }
    redirect(303, `/manage/people/${keepId}?done=merged`);
  },
};
