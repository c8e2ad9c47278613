import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { ApiRequestError, createApiClient, type RequestOptions } from '@lh/graphql-client';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { isInvalidIdProblem } from '@lh/domain';
import { config } from './config';

export const SESSION_COOKIE = 'lh_session';

const request = createApiClient(config.graphqlUrl);

/** Calls the API as the person making this request (their session cookie is forwarded). */
export async function api<TResult, TVariables>(
  event: Pick<RequestEvent, 'locals'>,
  document: TypedDocumentNode<TResult, TVariables>,
  variables: TVariables,
  options: Omit<RequestOptions, 'cookie'> = {},
): Promise<TResult> {
  const { data } = await request(document, variables, {
    ...options,
    cookie: event.locals.apiCookie,
    // the browser's headers and the call's own (an upload's x-lh-upload) together
    headers: { ...event.locals.browserHeaders, ...options.headers },
  });
  return data;
}

/** As `api`, but also gives the Set-Cookie headers the API sent (signing in starts a session). */
export function apiWithCookies<TResult, TVariables>(
  event: Pick<RequestEvent, 'locals'>,
  document: TypedDocumentNode<TResult, TVariables>,
  variables: TVariables,
) {
  return request(document, variables, { cookie: event.locals.apiCookie, headers: event.locals.browserHeaders });
}

/**
 * Turns an API failure in a page load into the right page: sign-in for UNAUTHENTICATED,
 * 404 for NOT_FOUND (and for an id in the address that is not an id at all), 403 for NOT_ALLOWED,
 * and a clear error otherwise.
 */
export function failLoad(e: unknown, event: Pick<RequestEvent, 'url'>): never {
  if (e instanceof ApiRequestError) {
    switch (e.code) {
      case 'UNAUTHENTICATED':
        redirect(303, `/sign-in?next=${encodeURIComponent(event.url.pathname + event.url.search)}`);
      // falls through (redirect throws)
      case 'NOT_FOUND':
        error(404, { message: e.message, code: e.code });
      // falls through
      case 'BAD_USER_INPUT':
        if (e.errors[0]?.fields.some(isInvalidIdProblem)) {
          error(404, { message: 'There is nothing at this address: check the link you followed.', code: 'NOT_FOUND' });
        }
        error(400, { message: e.message, code: e.code });
      // falls through
      case 'NOT_ALLOWED':
        error(403, { message: e.message, code: e.code });
      // falls through
      default:
        error(e.status >= 400 && e.status < 600 ? e.status : 500, { message: e.message, code: e.code });
    }
  }
  throw e;
}
