import { AgencyLeadReportDocument, ReportFilterOptionsDocument } from '@lh/graphql-client';
import { api } from '$lib/server/api';
import { requireViewer } from '$lib/server/access';
import { reportQueryFrom } from '../../manage/reports/report-filter';
import { reportOrErrors } from '../../manage/reports/report-load';
import type { PageServerLoad } from './$types';

/** Agency leads: their own agency's figures beside the partnership's, for the filter in the address. */
export const load: PageServerLoad = async (event) => {
  requireViewer(event, 'AGENCY_LEAD');
  const { filter, values } = reportQueryFrom(event.url.searchParams);
  const options = (await api(event, ReportFilterOptionsDocument, {})).reportFilterOptions;
  const { report, errors } = await reportOrErrors(event, () => api(event, AgencyLeadReportDocument, { filter }));
  return { values, options, report: report?.agencyLeadReport ?? null, errors };
};
