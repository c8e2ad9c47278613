import { ProgrammeDocument } from '@lh/graphql-client';
import { api, failLoad } from '$lib/server/api';
import type { PageServerLoad } from './$types';
import { requireViewer } from '$lib/server/access';

export const load: PageServerLoad = async (event) => {
  requireViewer(event, 'COORDINATOR');
  try {
    const { programme } = await api(event, ProgrammeDocument, {});
    return { programme };
  } catch (e) {
    failLoad(e, event);
  }
};
