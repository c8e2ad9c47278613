import { fail, redirect } from '@sveltejs/kit';
import { ApiRequestError, PasswordLinkDocument, SetPasswordWithLinkDocument } from '@lh/graphql-client';
import { api, apiWithCookies } from '$lib/server/api';
import { keepSession } from '$lib/server/session';
import type { Actions, PageServerLoad } from './$types';

/**
 * Choosing a password from a link: a reset the person asked for, or the training team's invitation
 * to set a first one. Opening the page uses nothing; the form does.
 */
export const load: PageServerLoad = async (event) => {
  try {
    const { passwordLink } = await api(event, PasswordLinkDocument, { token: event.params.token });
    return { link: passwordLink, problem: null };
  } catch (e) {
    if (e instanceof ApiRequestError && e.status >= 400 && e.status < 500) {
      return { link: null, problem: e.message };
    }
    throw e;
  }
};

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const password = String(form.get('password') ?? '');
    try {
      const { setCookies } = await apiWithCookies(event, SetPasswordWithLinkDocument, { input: { token: event.params.token, password } });
      keepSession(event, setCookies);
    } catch (e) {
      if (e instanceof ApiRequestError && e.code === 'BAD_USER_INPUT' && e.fieldMessages().password) {
        return fail(400, { errors: [{ field: 'password', message: e.fieldMessages().password! }], problem: null });
      }
      if (e instanceof ApiRequestError && e.status >= 400 && e.status < 500) {
        return fail(e.status, { errors: [{ field: null, message: e.message }], problem: e.message });
      }
      throw e;
    }
    redirect(303, '/account?password=set');
  },
};
