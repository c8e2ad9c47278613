import type { Cookies } from '@sveltejs/kit';
import { secureCookies } from './request-guard';
import { SESSION_COOKIE } from './api';
import { config } from './config';

/** Holds, for ten minutes, the state of a single sign-on this browser started (bound to it at the callback). */
export const SSO_STATE_COOKIE = 'lh_sso_state';

/**
 * Keeps the session the API just started (its Set-Cookie) as this site's own httpOnly cookie, which the
 * web server forwards on every later call. Used by every way of signing in.
 */
export function keepSession({ cookies, url }: { cookies: Cookies; url: URL }, setCookies: string[]): void {
  const session = setCookies.map((c) => /^lh_session=([^;]+)/.exec(c)).find(Boolean);
  if (!session) {
    throw new Error('The API did not start a session');
  }
  const expires = /;\s*Expires=([^;]+)/i.exec(setCookies.join(';'))?.[1];
  cookies.set(SESSION_COOKIE, session[1]!, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: secureCookies(url, config.cookieSecure),
    expires: expires ? new Date(expires) : undefined,
  });
}
