import { YourAgencyComplianceDocument } from '@lh/graphql-client';
import { api, failLoad } from '$lib/server/api';
import { requireViewer } from '$lib/server/access';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireViewer(event, 'AGENCY_LEAD');
  try {
    const { yourAgencyCompliance } = await api(event, YourAgencyComplianceDocument, {});
    return { agency: yourAgencyCompliance };
  } catch (e) {
    failLoad(e, event);
  }
};
