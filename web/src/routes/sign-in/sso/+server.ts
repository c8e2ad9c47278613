import { redirect } from '@sveltejs/kit';
import { ApiRequestError, StartSingleSignOnDocument } from '@lh/graphql-client';
import { api } from '$lib/server/api';
import { config } from '$lib/server/config';
import { SSO_STATE_COOKIE } from '$lib/server/session';
import { secureCookies } from '$lib/server/request-guard';
import { safeNext } from '$lib/safe-next';
import type { RequestHandler } from './$types';

/** Starts single sign-on: remembers the state in this browser, then sends it to the organisation's sign-in page. */
export const GET: RequestHandler = async (event) => {
  const { url, cookies } = event;
  const next = safeNext(url.searchParams.get('next'), url.origin);
  let authorizationUrl: string;
  try {
    const { startSingleSignOn } = await api(event, StartSingleSignOnDocument, { next });
    authorizationUrl = startSingleSignOn.authorizationUrl;
    cookies.set(SSO_STATE_COOKIE, startSingleSignOn.state, {
      path: '/sign-in/sso',
      httpOnly: true,
      sameSite: 'lax',
      secure: secureCookies(url, config.cookieSecure),
      maxAge: 10 * 60,
    });
  } catch (e) {
    if (e instanceof ApiRequestError) {
      redirect(303, `/sign-in/sso/callback?problem=${encodeURIComponent(e.message)}`);
    }
    throw e;
  }
  redirect(303, authorizationUrl);
};
