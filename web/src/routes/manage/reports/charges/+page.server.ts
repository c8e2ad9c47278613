import { ChargesReportDocument } from '@lh/graphql-client';
import { api } from '$lib/server/api';
import { reportHref } from '../report-filter';
import { reportOrErrors, reportPageBase } from '../report-load';
import type { PageServerLoad } from './$types';

/** Coordinators and reviewers: report 7, non-attendance and charges by agency type and agency, for invoicing. */
export const load: PageServerLoad = async (event) => {
  const base = await reportPageBase(event);
  const { filter, agency } = base;
  const { report, errors } = await reportOrErrors(event, async () => (await api(event, ChargesReportDocument, { filter })).chargesReport);
  const download = (file: string) => reportHref('/manage/reports/download', filter, agency, { report: 'CHARGES', file });
  return { ...base, report, errors, downloads: report && { csv: download('CSV'), xlsx: download('XLSX') } };
};
