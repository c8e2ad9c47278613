import { error, redirect } from '@sveltejs/kit';
import { ProgrammeDocument } from '@lh/graphql-client';
import { api, failLoad } from '$lib/server/api';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  if (!event.locals.me) redirect(303, `/sign-in?next=${encodeURIComponent(event.url.pathname)}`);
  if (!event.locals.me.roles.includes('COORDINATOR')) error(403, { message: 'Only coordinators can see the programme.' });
  try {
    const { programme } = await api(event, ProgrammeDocument, {});
    return { programme };
  } catch (e) {
    failLoad(e, event);
  }
};
