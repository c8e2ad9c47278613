import { redirect } from '@sveltejs/kit';
import {
  AddPersonToSessionDocument,
  ChangeSessionCapacityDocument,
  ConfirmBookingDocument,
  DeclineBookingDocument,
  SendJoiningInstructionsDocument,
  SessionRegisterPartsDocument,
  SessionRosterDocument,
  SessionRosterListDocument,
  SetSessionAutoOfferDocument,
} from '@lh/graphql-client';
import { api, failLoad } from '$lib/server/api';
import { failField, failFromApi } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';
import { requireViewer } from '$lib/server/access';
import { rosterFilter } from './roster-filter';

export const load: PageServerLoad = async (event) => {
  requireViewer(event, 'COORDINATOR');
  try {
    const filter = rosterFilter(event.url);
    const [{ sessionRoster }, { sessionAdmin }, { sessionRosterList }] = await Promise.all([
      api(event, SessionRosterDocument, { sessionId: event.params.id }),
      api(event, SessionRegisterPartsDocument, { id: event.params.id }),
      api(event, SessionRosterListDocument, { sessionId: event.params.id, search: filter.search || null, sort: filter.sort }),
    ]);
    return {
      roster: sessionRoster,
      registerParts: sessionAdmin.parts,
      done: event.url.searchParams.get('done'),
      list: sessionRosterList,
      filter,
    };
  } catch (e) {
    failLoad(e, event);
  }
};

const back = (id: string, done: string) => redirect(303, `/manage/sessions/${id}?done=${done}`);

export const actions: Actions = {
  capacity: async (event) => {
    const form = await event.request.formData();
    const raw = String(form.get('capacity') ?? '').trim();
    if (!/^\d+$/.test(raw)) {
      return failField('capacity', 'Enter the capacity as a whole number, like 20', { capacity: raw });
    }
    try {
      await api(event, ChangeSessionCapacityDocument, { input: { sessionId: event.params.id, capacity: Number(raw) } });
    } catch (e) {
      return failFromApi(e, ['capacity'], { capacity: raw });
    }
    back(event.params.id, 'capacity');
  },
  autoOffer: async (event) => {
    const form = await event.request.formData();
    try {
      await api(event, SetSessionAutoOfferDocument, { sessionId: event.params.id, automatic: form.get('automatic') === 'yes' });
    } catch (e) {
      return failFromApi(e, []);
    }
    back(event.params.id, 'auto-offer');
  },
  add: async (event) => {
    const form = await event.request.formData();
    const values = { personEmail: String(form.get('personEmail') ?? '').trim(), reason: String(form.get('reason') ?? '').trim() };
    try {
      await api(event, AddPersonToSessionDocument, { input: { sessionId: event.params.id, ...values } });
    } catch (e) {
      return failFromApi(e, ['personEmail', 'reason'], values);
    }
    back(event.params.id, 'added');
  },
  confirm: async (event) => {
    const form = await event.request.formData();
    try {
      await api(event, ConfirmBookingDocument, { bookingId: String(form.get('bookingId') ?? '') });
    } catch (e) {
      return failFromApi(e, []);
    }
    back(event.params.id, 'confirmed');
  },
  decline: async (event) => {
    const form = await event.request.formData();
    try {
      await api(event, DeclineBookingDocument, { bookingId: String(form.get('bookingId') ?? ''), reason: 'Declined by the training team' });
    } catch (e) {
      return failFromApi(e, []);
    }
    back(event.params.id, 'declined');
  },
  joiningInstructions: async (event) => {
    try {
      await api(event, SendJoiningInstructionsDocument, { sessionId: event.params.id });
    } catch (e) {
      return failFromApi(e, []);
    }
    back(event.params.id, 'joining-instructions');
  },
};
