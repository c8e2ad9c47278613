import { RequestPasswordResetDocument } from '@lh/graphql-client';
import { api } from '$lib/server/api';
import { askByEmail } from '$lib/server/ask-by-email';
import { nextQuery } from '$lib/safe-next';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => ({ nextQuery: nextQuery(url) });

export const actions: Actions = {
  default: (event) => askByEmail(event.request, (email) => api(event, RequestPasswordResetDocument, { input: { email } })),
};
