import type { Handle } from '@sveltejs/kit';
import { MeDocument } from '@lh/graphql-client';
import { api, SESSION_COOKIE } from '$lib/server/api';

/** Every request: find who is signed in (from the session cookie) before any page loads. */
export const handle: Handle = async ({ event, resolve }) => {
  const token = event.cookies.get(SESSION_COOKIE);
  event.locals.apiCookie = token ? `${SESSION_COOKIE}=${token}` : undefined;
  event.locals.me = null;
  if (token) {
    try {
      event.locals.me = (await api(event, MeDocument, {})).me;
    } catch {
      event.locals.me = null;
    }
    if (!event.locals.me) {
      event.cookies.delete(SESSION_COOKIE, { path: '/' });
    }
  }
  return resolve(event);
};
