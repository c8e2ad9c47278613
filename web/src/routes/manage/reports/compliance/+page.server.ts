import { ComplianceReportDocument } from '@lh/graphql-client';
import { api } from '$lib/server/api';
import { reportHref, withoutCourseFilters } from '../report-filter';
import { errorsOnForm, reportOrErrors, reportPageBase } from '../report-load';
import { COMPLIANCE_FILTERS } from '../report-options';
import type { PageServerLoad } from './$types';

/**
 * Coordinators and reviewers: report 5, mandatory training compliance by requirement and agency as at the end
 * of the period (or today). The course filters in the address (kept for the other reports) are left out.
 */
export const load: PageServerLoad = async (event) => {
  const base = await reportPageBase(event);
  const filter = withoutCourseFilters(base.filter);
  const { report, errors } = await reportOrErrors(
    event,
    async () => (await api(event, ComplianceReportDocument, { filter })).complianceReport,
  );
  const download = (file: string) => reportHref('/manage/reports/download', filter, base.agency, { report: 'COMPLIANCE', file });
  return {
    ...base,
    report,
    errors: errorsOnForm(errors, COMPLIANCE_FILTERS),
    downloads: report && { csv: download('CSV'), xlsx: download('XLSX') },
  };
};
