import { redirect } from '@sveltejs/kit';
import { ApiRequestError, FinishSingleSignOnDocument } from '@lh/graphql-client';
import { apiWithCookies } from '$lib/server/api';
import { keepSession, SSO_STATE_COOKIE } from '$lib/server/session';
import { safeNext } from '$lib/safe-next';
import type { PageServerLoad } from './$types';

/** Where the organisation's sign-in page sends people back: finish signing in, or say why not. */
export const load: PageServerLoad = async (event) => {
  const { url, cookies } = event;
  const problem = url.searchParams.get('problem');
  if (problem) {
    return { problem: problem.slice(0, 500) };
  }
  const state = cookies.get(SSO_STATE_COOKIE) ?? '';
  cookies.delete(SSO_STATE_COOKIE, { path: '/sign-in/sso' });
  let next: string;
  try {
    const { data, setCookies } = await apiWithCookies(event, FinishSingleSignOnDocument, {
      callbackQuery: url.search.slice(1, 8001),
      state: state.slice(0, 200),
    });
    keepSession({ cookies, url }, setCookies);
    next = safeNext(data.finishSingleSignOn.next, url.origin);
  } catch (e) {
    if (e instanceof ApiRequestError) {
      return { problem: e.message };
    }
    throw e;
  }
  redirect(303, next);
};
