import type { Handle, RequestEvent } from '@sveltejs/kit';
import { MeDocument } from '@lh/graphql-client';
import { REQUEST_ID_HEADER, requestIdFrom } from '@lh/domain';
import { api, SESSION_COOKIE } from '$lib/server/api';
import { config } from '$lib/server/config';
import { formLimit, refusePost, withSecurityHeaders } from '$lib/server/request-guard';

/**
 * What the API is told about the browser: the request's id (every API call made for one page shares it, so the
 * API's log lines and audit entries name the browser request), its User-Agent (to name the session on "where you are signed
 * in") and its address (for rate limits; the API believes X-Forwarded-For only from this server, see TRUST_PROXY).
 * Behind a proxy, adapter-node's ADDRESS_HEADER / XFF_DEPTH say where the browser's address is.
 */
function browserHeaders(event: RequestEvent, requestId: string): Record<string, string> {
  const headers: Record<string, string> = { [REQUEST_ID_HEADER]: requestId };
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

/**
 * Every request: refuse posts that are not our forms, then find who is signed in (from the session cookie)
 * before any page loads; every answer carries the security headers.
 */
export const handle: Handle = async ({ event, resolve }) => {
  const requestId = requestIdFrom(event.request.headers.get(REQUEST_ID_HEADER));
  const refused = refusePost(event.request, event.url, formLimit(event.url.pathname, config.evidenceMaxBytes));
  if (refused) {
    return withRequestId(withSecurityHeaders(refused), requestId);
  }
  event.locals.browserHeaders = browserHeaders(event, requestId);
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
  return withRequestId(withSecurityHeaders(await resolve(event)), requestId);
};

/** The answer names the request's id, as the API's does: someone reporting a problem can quote it. */
function withRequestId(response: Response, requestId: string): Response {
  try {
    response.headers.set('X-Request-Id', requestId);
  } catch {
    // an immutable response (a fetch passed through) keeps the API's own header
  }
  return response;
}
