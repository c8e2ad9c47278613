import { fail, redirect } from '@sveltejs/kit';
import { ApiRequestError, SignInDocument } from '@lh/graphql-client';
import { apiRequest, SESSION_COOKIE } from '$lib/server/api';
import { config } from '$lib/server/config';
import { safeNext } from '$lib/safe-next';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
  if (locals.me) {
    redirect(303, safeNext(url.searchParams.get('next'), url.origin));
  }
  return {};
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
      const session = setCookies.map((c) => /^lh_session=([^;]+)/.exec(c)).find(Boolean);
      if (!session) {
        throw new Error('The API did not start a session');
      }
      const expires = /;\s*Expires=([^;]+)/i.exec(setCookies.join(';'))?.[1];
      cookies.set(SESSION_COOKIE, session[1], {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: config.cookieSecure,
        expires: expires ? new Date(expires) : undefined,
      });
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
