import { redirect } from '@sveltejs/kit';
import { RequestSignInLinkDocument } from '@lh/graphql-client';
import { api } from '$lib/server/api';
import { askByEmail } from '$lib/server/ask-by-email';
import { nextQuery, safeNext } from '$lib/safe-next';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
  if (locals.me) {
    redirect(303, safeNext(url.searchParams.get('next'), url.origin));
  }
  return { nextQuery: nextQuery(url) };
};

export const actions: Actions = {
  /** Asks for a one-time link; the page to return to travels inside it. */
  default: async (event) => {
    const next = safeNext(event.url.searchParams.get('next'), event.url.origin, '') || null;
    return askByEmail(event.request, (email) => api(event, RequestSignInLinkDocument, { input: { email, next } }));
  },
};
