import { MyCertificatesDocument } from '@lh/graphql-client';
import { api, failLoad } from '$lib/server/api';
import { requireViewer } from '$lib/server/access';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireViewer(event);
  try {
    const { myCertificates } = await api(event, MyCertificatesDocument, {});
    return { certificates: myCertificates };
  } catch (e) {
    failLoad(e, event);
  }
};
