import { fail, redirect } from '@sveltejs/kit';
import { ApiRequestError, CheckSignInLinkDocument, SignInWithLinkDocument } from '@lh/graphql-client';
import { api, apiWithCookies } from '$lib/server/api';
import { keepSession } from '$lib/server/session';
import { nextQuery, safeNext } from '$lib/safe-next';
import type { Actions, PageServerLoad } from './$types';

/** Why a link cannot be used (used, expired, not valid), as the API says it; other failures are rethrown. */
function linkProblem(e: unknown): string {
  if (e instanceof ApiRequestError && e.status >= 400 && e.status < 500) {
    return e.message;
  }
  throw e;
}

/**
 * Opening a sign-in link shows a button and uses nothing: mail scanners that follow links in mail
 * would otherwise use it up (or sign themselves in). Pressing the button posts, and that signs in.
 */
export const load: PageServerLoad = async (event) => {
  let problem: string | null = null;
  try {
    await api(event, CheckSignInLinkDocument, { token: event.params.token });
  } catch (e) {
    problem = linkProblem(e);
  }
  return { problem, nextQuery: nextQuery(event.url) };
};

export const actions: Actions = {
  default: async (event) => {
    try {
      const { setCookies } = await apiWithCookies(event, SignInWithLinkDocument, { token: event.params.token });
      keepSession(event, setCookies);
    } catch (e) {
      return fail(400, { problem: linkProblem(e) });
    }
    redirect(303, safeNext(event.url.searchParams.get('next'), event.url.origin));
  },
};
