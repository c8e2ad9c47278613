import type { Handle, RequestEvent } from '@sveltejs/kit';
import { MeDocument } from '@lh/graphql-client';
import { TOO_LARGE_MESSAGE } from '@lh/domain';
import { api, SESSION_COOKIE } from '$lib/server/api';

/** Every POST here is a form on one of our pages: nothing else is read as a form. */
const FORM_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data']);
/** The largest form worth reading; every field the API takes is far smaller, and the API reads any request it makes (MAX_REQUEST_BYTES). */
const MAX_FORM_BYTES = 100_000;

/** A form post this app cannot take, as a clear 4xx answer instead of an error while reading it. */
function refusePost(request: Request): Response | null {
  if (request.method !== 'POST') {
    return null;
  }
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!FORM_TYPES.has(type)) {
    return new Response('This address takes only forms sent from its own pages. Go back to the page and send the form again.', {
      status: 415,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
  }
  if (Number(request.headers.get('content-length') ?? 0) > MAX_FORM_BYTES) {
    return new Response(TOO_LARGE_MESSAGE, {
      status: 413,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
  }
  return null;
}

/**
 * What the API is told about the browser: its User-Agent (to name the session on "where you are signed
 * in") and its address (for rate limits; the API believes X-Forwarded-For only from this server, see TRUST_PROXY).
 * Behind a proxy, adapter-node's ADDRESS_HEADER / XFF_DEPTH say where the browser's address is.
 */
function browserHeaders(event: RequestEvent): Record<string, string> {
  const headers: Record<string, string> = {};
  const userAgent = event.request.headers.get('user-agent');
  if (userAgent) {
    headers['user-agent'] = userAgent.slice(0, 1000);
  }
  try {
    headers['x-forwarded-for'] = event.getClientAddress();
  } catch {
    // no client address (for example while building): the API sees this server's
  }
  return headers;
}

/** Every request: refuse posts that are not our forms, then find who is signed in (from the session cookie) before any page loads. */
export const handle: Handle = async ({ event, resolve }) => {
  const refused = refusePost(event.request);
  if (refused) {
    return refused;
  }
  event.locals.browserHeaders = browserHeaders(event);
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
