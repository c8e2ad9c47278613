import { redirect } from '@sveltejs/kit';
import { AssignTrainerDocument, RemoveTrainerDocument, SessionAdminDocument, UpdateSessionDocument } from '@lh/graphql-client';
import { api, failLoad } from '$lib/server/api';
import { failField, failFromApi } from '$lib/server/forms';
import { datePartsOf, partRows, type SessionFormValues } from '../../session-form';
import { readSessionForm, resizeSessionForm, submitSessionForm } from '../../session-form.server';
import type { Actions, PageServerLoad } from './$types';
import { requireViewer } from '$lib/server/access';

export const load: PageServerLoad = async (event) => {
  requireViewer(event, 'COORDINATOR');
  const {
    sessionAdmin: s,
    venues,
    trainerPool,
  } = await api(event, SessionAdminDocument, { id: event.params.id }).catch((e: unknown) => failLoad(e, event));
  // A cancelled session cannot be changed: its own page shows it as cancelled, with the reason.
  if (s.status === 'CANCELLED') {
    redirect(303, `/manage/sessions/${s.id}`);
  }
  const values: SessionFormValues = {
    parts: partRows(s.parts),
    venueId: s.venue?.id ?? '',
    room: s.room ?? '',
    onlineUrl: s.onlineUrl ?? '',
    joiningInstructions: s.joiningInstructions ?? '',
    capacity: String(s.capacity),
    bookingOpensOn: datePartsOf(s.bookingOpensOn),
    bookingClosesOn: datePartsOf(s.bookingClosesOn),
    autoOfferWaitlist: s.autoOfferWaitlist ? 'yes' : 'no',
  };
  return { session: s, venues, trainerPool, values, done: event.url.searchParams.get('done') };
};

const back = (id: string, done: string) => redirect(303, `/manage/sessions/${id}/edit?done=${done}`);

export const actions: Actions = {
  save: async (event) => {
    const { values, plan, problems } = readSessionForm(await event.request.formData());
    const sent = await submitSessionForm(problems, values, () =>
      api(event, UpdateSessionDocument, { input: { ...plan, sessionId: event.params.id } }),
    );
    if (!sent.ok) {
      return sent.failure;
    }
    back(event.params.id, 'saved');
  },
  addPart: (event) => resizeSessionForm(event.request, 'add'),
  removePart: (event) => resizeSessionForm(event.request, 'remove'),
  assign: async (event) => {
    const form = await event.request.formData();
    const values = { personEmail: String(form.get('personEmail') ?? '').trim() };
    if (!values.personEmail) {
      return failField('personEmail', 'Choose a trainer from the training pool', values);
    }
    try {
      await api(event, AssignTrainerDocument, { input: { sessionId: event.params.id, ...values } });
    } catch (e) {
      return failFromApi(e, ['personEmail'], values);
    }
    back(event.params.id, 'trainer-added');
  },
  remove: async (event) => {
    const form = await event.request.formData();
    try {
      await api(event, RemoveTrainerDocument, { sessionId: event.params.id, personId: String(form.get('personId') ?? '') });
    } catch (e) {
      return failFromApi(e, []);
    }
    back(event.params.id, 'trainer-removed');
  },
};
