import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import type { MeQuery, Role } from '@lh/graphql-client';

type SignedIn = NonNullable<MeQuery['me']>;

/**
 * The page's access rule, in one line: signed in (else to sign-in, coming back afterwards), and with
 * one of `roles` when given (else 403). The API checks again on every call; this is for a clear page.
 */
export function requireViewer(event: Pick<RequestEvent, 'locals' | 'url'>, ...roles: Role[]): SignedIn {
  const me = event.locals.me;
  if (!me) {
    redirect(303, `/sign-in?next=${encodeURIComponent(event.url.pathname + event.url.search)}`);
  }
  if (roles.length && !roles.some((r) => me.roles.includes(r))) {
    error(403, { message: 'You do not have access to this page.', code: 'NOT_ALLOWED' });
  }
  return me;
}
