import { ReportDashboardDocument } from '@lh/graphql-client';
import { api } from '$lib/server/api';
import { reportHref } from '../report-filter';
import { reportOrErrors, reportPageBase } from '../report-load';
import type { PageServerLoad } from './$types';

/** Coordinators and reviewers: the dashboard for the filter in the address; `view=print` is its print view. */
export const load: PageServerLoad = async (event) => {
  const base = await reportPageBase(event);
  const { filter, agency } = base;
  const { report: dashboard, errors } = await reportOrErrors(
    event,
    async () => (await api(event, ReportDashboardDocument, { filter })).reportDashboard,
  );
  const print = event.url.searchParams.get('view') === 'print';
  return {
    ...base,
    dashboard,
    errors,
    print,
    pdfHref: reportHref('/manage/reports/dashboard/pdf', filter, agency),
    printHref: reportHref('/manage/reports/dashboard', filter, agency, { view: 'print' }),
    screenHref: reportHref('/manage/reports/dashboard', filter, agency),
  };
};
