import { error, redirect } from '@sveltejs/kit';
import { VenuesDocument } from '@lh/graphql-client';
import { api, failLoad } from '$lib/server/api';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  if (!event.locals.me) redirect(303, `/sign-in?next=${encodeURIComponent(event.url.pathname)}`);
  if (!event.locals.me.roles.includes('COORDINATOR')) error(403, { message: 'Only coordinators can manage venues.', code: 'NOT_ALLOWED' });
  try {
    const { venues } = await api(event, VenuesDocument, {});
    return { venues, done: event.url.searchParams.get('done') };
  } catch (e) {
    failLoad(e, event);
  }
};
