import { fail, redirect } from '@sveltejs/kit';
import { ApiRequestError, SignInDocument, SingleSignOnDocument } from '@lh/graphql-client';
import { apiRequest } from '$lib/server/api';
import { keepSession } from '$lib/server/session-cookie';
import { safeNext } from '$lib/safe-next';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  if (locals.me) {
    redirect(303, safeNext(url.searchParams.get('next'), url.origin));
  }
  const { data } = await apiRequest(SingleSignOnDocument, {});
  const next = safeNext(url.searchParams.get('next'), url.origin);
  return {
    singleSignOn: data.singleSignOn.enabled
      ? { label: data.singleSignOn.buttonLabel, href: `/sign-in/sso?next=${encodeURIComponent(next)}` }
      : null,
  };
};

export const actions: Actions = {
  default: async ({ request, cookies, url }) => {
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
      const { setCookies } = await apiRequest(SignInDocument, { input: { email, password } });
      keepSession(cookies, setCookies);
    } catch (e) {
      if (e instanceof ApiRequestError && e.code === 'INVALID_CREDENTIALS') {
        return fail(400, { email, errors: [{ field: 'email', message: e.message }] });
      }
      if (e instanceof ApiRequestError && e.code === 'BAD_USER_INPUT') {
        const fields = e.fieldMessages();
        return fail(400, { email, errors: Object.entries(fields).map(([field, message]) => ({ field, message })) });
      }
      throw e;
    }
    redirect(303, safeNext(url.searchParams.get('next'), url.origin));
  },
};
