import { error, redirect } from '@sveltejs/kit';
import { CaughtMailListDocument } from '@lh/graphql-client';
import { api, failLoad } from '$lib/server/api';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  if (!event.locals.me) redirect(303, `/sign-in?next=${encodeURIComponent(event.url.pathname)}`);
  if (!event.locals.me.roles.includes('COORDINATOR'))
    error(403, { message: 'Only coordinators can read caught mail.', code: 'NOT_ALLOWED' });
  try {
    const { caughtMail } = await api(event, CaughtMailListDocument, {});
    return { mails: caughtMail };
  } catch (e) {
    failLoad(e, event);
  }
};
