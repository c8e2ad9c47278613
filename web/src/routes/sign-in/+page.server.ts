import { fail, redirect } from '@sveltejs/kit';
import { ApiRequestError, SignInDocument, SingleSignOnDocument } from '@lh/graphql-client';
import { api, apiWithCookies } from '$lib/server/api';
import { keepSession } from '$lib/server/session';
import { nextQuery, safeNext } from '$lib/safe-next';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { locals, url } = event;
  if (locals.me) {
    redirect(303, safeNext(url.searchParams.get('next'), url.origin));
  }
  const { singleSignOn } = await api(event, SingleSignOnDocument, {});
  const next = safeNext(url.searchParams.get('next'), url.origin);
  return {
    nextQuery: nextQuery(url),
    signedOutEverywhere: url.searchParams.get('signed-out') === 'everywhere',
    singleSignOn: singleSignOn.enabled ? { label: singleSignOn.buttonLabel, href: `/sign-in/sso?next=${encodeURIComponent(next)}` } : null,
  };
};

export const actions: Actions = {
  default: async (event) => {
    const { request, cookies, url } = event;
    const form = await request.formData();
    const email = String(form.get('email') ?? '').trim();
    const password = String(form.get('password') ?? '');
    const errors: { field: string; message: string }[] = [];
    if (!email) {
      errors.push({ field: 'email', message: 'Enter your email address' });
    }
    if (!password) {
      errors.push({ field: 'password', message: 'Enter your password' });
    }
    if (errors.length) {
      return fail(400, { email, errors });
    }
    try {
      const { setCookies } = await apiWithCookies(event, SignInDocument, { input: { email, password } });
      keepSession({ cookies, url }, setCookies);
    } catch (e) {
      if (e instanceof ApiRequestError && e.code === 'BAD_USER_INPUT') {
        const fields = e.fieldMessages();
        return fail(400, { email, errors: Object.entries(fields).map(([field, message]) => ({ field, message })) });
      }
      // A wrong password, too many attempts (with when to try again), single sign-on only, an account that is not active.
      if (e instanceof ApiRequestError && e.status >= 400 && e.status < 500) {
        return fail(e.status, { email, errors: [{ field: 'email', message: e.message }] });
      }
      throw e;
    }
    redirect(303, safeNext(url.searchParams.get('next'), url.origin));
  },
};
