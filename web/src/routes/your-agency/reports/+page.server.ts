import { AgencyLeadReportDocument, ComplianceReportDocument, ReportFilterOptionsDocument } from '@lh/graphql-client';
import { api } from '$lib/server/api';
import { requireViewer } from '$lib/server/access';
import { reportQueryFrom, withoutCourseFilters } from '../../manage/reports/report-filter';
import { errorsOnForm, reportOrErrors } from '../../manage/reports/report-load';
import { LEAD_FILTERS } from '../../manage/reports/report-options';
import type { PageServerLoad } from './$types';

/**
 * Agency leads: their own agency's figures beside the partnership's, and its mandatory training compliance as
 * at the end of the period beside the partnership's (the API forces the agency filter to theirs), for the
 * filter in the address. A problem with a filter the form does not show links to the form.
 */
export const load: PageServerLoad = async (event) => {
  requireViewer(event, 'AGENCY_LEAD');
  const { filter, values } = reportQueryFrom(event.url.searchParams);
  const options = (await api(event, ReportFilterOptionsDocument, {})).reportFilterOptions;
  const { report, errors } = await reportOrErrors(event, async () => {
    const [lead, compliance] = await Promise.all([
      api(event, AgencyLeadReportDocument, { filter }),
      api(event, ComplianceReportDocument, { filter: withoutCourseFilters(filter) }),
    ]);
    return { lead: lead.agencyLeadReport, compliance: compliance.complianceReport };
  });
  return {
    values,
    options,
    report: report?.lead ?? null,
    compliance: report?.compliance ?? null,
    errors: errorsOnForm(errors, LEAD_FILTERS),
  };
};
