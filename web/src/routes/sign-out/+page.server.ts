import { redirect } from '@sveltejs/kit';
import { SignOutDocument } from '@lh/graphql-client';
import { api, SESSION_COOKIE } from '$lib/server/api';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
  default: async (event) => {
    if (event.locals.apiCookie) {
      await api(event, SignOutDocument, {}).catch(() => undefined);
    }
    event.cookies.delete(SESSION_COOKIE, { path: '/' });
    redirect(303, '/');
  },
};
