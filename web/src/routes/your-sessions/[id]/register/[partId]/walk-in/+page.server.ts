import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import {
  AddWalkInDocument,
  ApiRequestError,
  DismissCheckInRequestDocument,
  WalkInCandidatesDocument,
  WalkInDeskDocument,
} from '@lh/graphql-client';
import { api, failLoad } from '$lib/server/api';
import { requireViewer } from '$lib/server/access';
import { failFromApi } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

const NEW_PERSON_FIELDS = ['name', 'email', 'agencyId'];

const pageOf = (event: Pick<RequestEvent, 'params'>) => `/your-sessions/${event.params.id}/register/${event.params.partId}/walk-in`;

/** Walk-ins at the door: people who asked to be added, a search for people with an account, and a form for someone new. */
export const load: PageServerLoad = async (event) => {
  requireViewer(event, 'TRAINER', 'COORDINATOR');
  const { id, partId } = event.params;
  let desk;
  try {
    desk = await api(event, WalkInDeskDocument, { partId });
  } catch (e) {
    failLoad(e, event);
  }
  if (desk.register.sessionId !== id) {
    error(404, { message: 'There is no register for that session part.', code: 'NOT_FOUND' });
  }
  const query = (event.url.searchParams.get('q') ?? '').trim();
  let results: { personId: string; name: string; maskedEmail: string; agencyName: string | null; bookingStatus: string | null }[] | null =
    null;
  let searchError: string | null = null;
  if (query && desk.register.canMark) {
    try {
      results = (await api(event, WalkInCandidatesDocument, { partId, query })).walkInCandidates;
    } catch (e) {
      if (!(e instanceof ApiRequestError) || e.status >= 500 || e.code === 'UNAUTHENTICATED') {
        failLoad(e, event);
      }
      searchError = e.fieldMessages().query ?? e.message;
    }
  }
  // one id per form on the page: a form sent twice (a double tap, a retry) adds its person once
  const clientIds: Record<string, string> = { new: crypto.randomUUID() };
  for (const p of [...(results ?? []), ...desk.checkInRequests]) {
    clientIds[p.personId] = crypto.randomUUID();
  }
  const q = event.url.searchParams;
  return {
    desk,
    query,
    results,
    searchError,
    clientIds,
    done: q.get('added')
      ? { added: q.get('added')!, newAccount: q.get('new') === 'yes' }
      : q.get('dismissed')
        ? { dismissed: q.get('dismissed')! }
        : null,
  };
};

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

function addedTo(event: RequestEvent, name: string, newAccount: boolean): never {
  redirect(303, `${pageOf(event)}?added=${encodeURIComponent(name)}${newAccount ? '&new=yes' : ''}`);
}

export const actions: Actions = {
  /** Adds someone who has an account (from the search results or a check-in request). */
  add: async (event) => {
    requireViewer(event, 'TRAINER', 'COORDINATOR');
    const form = await event.request.formData();
    let result;
    try {
      result = await api(event, AddWalkInDocument, {
        input: { clientId: text(form, 'clientId'), partId: event.params.partId, personId: text(form, 'personId') },
      });
    } catch (e) {
      return failFromApi(e, []);
    }
    addedTo(event, result.addWalkIn.entry.name, false);
  },

  /** Adds someone new: a provisional account is made and mailed a link to claim it. */
  addNew: async (event) => {
    requireViewer(event, 'TRAINER', 'COORDINATOR');
    const form = await event.request.formData();
    const values = { name: text(form, 'name'), email: text(form, 'email'), agencyId: text(form, 'agencyId') };
    let result;
    try {
      result = await api(event, AddWalkInDocument, {
        input: {
          clientId: text(form, 'clientId'),
          partId: event.params.partId,
          name: values.name || null,
          email: values.email || null,
          agencyId: values.agencyId || null,
        },
      });
    } catch (e) {
      return failFromApi(e, NEW_PERSON_FIELDS, values);
    }
    addedTo(event, result.addWalkIn.entry.name, result.addWalkIn.newAccount);
  },

  dismiss: async (event) => {
    requireViewer(event, 'TRAINER', 'COORDINATOR');
    const form = await event.request.formData();
    try {
      await api(event, DismissCheckInRequestDocument, { requestId: text(form, 'requestId') });
    } catch (e) {
      return failFromApi(e, []);
    }
    redirect(303, `${pageOf(event)}?dismissed=${encodeURIComponent(text(form, 'name') || 'The request')}`);
  },
};
