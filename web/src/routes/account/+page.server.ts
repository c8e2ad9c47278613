import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
  if (!locals.me) redirect(303, `/sign-in?next=${encodeURIComponent(url.pathname)}`);
  return { me: locals.me };
};
