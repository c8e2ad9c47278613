import { CaughtMailListDocument } from '@lh/graphql-client';
import { api, failLoad } from '$lib/server/api';
import type { PageServerLoad } from './$types';
import { requireViewer } from '$lib/server/access';

export const load: PageServerLoad = async (event) => {
  requireViewer(event, 'COORDINATOR');
  try {
    const { caughtMail } = await api(event, CaughtMailListDocument, {});
    return { mails: caughtMail };
  } catch (e) {
    failLoad(e, event);
  }
};
