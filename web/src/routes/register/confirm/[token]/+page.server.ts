import { ApiRequestError, ConfirmRegistrationDocument, RegistrationLinkDocument } from '@lh/graphql-client';
import { api } from '$lib/server/api';
import type { Actions, PageServerLoad } from './$types';

/** Expired, used or tampered links are told on the page (with the way to get a new one), not as an error page. */
function linkProblem(e: unknown): string {
  if (e instanceof ApiRequestError && ['INVALID_TOKEN', 'TOKEN_EXPIRED', 'BAD_USER_INPUT'].includes(e.code ?? '')) {
    return e.code === 'BAD_USER_INPUT'
      ? 'This link is not valid. Check you copied all of it from the email, or ask for a new one.'
      : e.message;
  }
  throw e;
}

export const load: PageServerLoad = async (event) => {
  try {
    // Only looks: mail scanners that open links do not confirm anyone. The button below uses the link.
    const { registrationLink } = await api(event, RegistrationLinkDocument, { token: event.params.token });
    return { link: registrationLink, problem: null };
  } catch (e) {
    return { link: null, problem: linkProblem(e) };
  }
};

export const actions: Actions = {
  default: async (event) => {
    try {
      const { confirmRegistration } = await api(event, ConfirmRegistrationDocument, { token: event.params.token });
      return { confirmed: confirmRegistration };
    } catch (e) {
      return { problem: linkProblem(e) };
    }
  },
};
