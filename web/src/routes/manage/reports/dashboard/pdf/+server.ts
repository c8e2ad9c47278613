import { ReportDashboardPdfDocument } from '@lh/graphql-client';
import { api, failLoad } from '$lib/server/api';
import { requireViewer } from '$lib/server/access';
import { downloadFile } from '$lib/server/download';
import { reportQueryFrom } from '../../report-filter';
import type { RequestHandler } from './$types';

/** The dashboard as a PDF for board papers, for the same filter as the page. */
export const GET: RequestHandler = async (event) => {
  requireViewer(event, 'COORDINATOR', 'REVIEWER');
  const { filter } = reportQueryFrom(event.url.searchParams);
  try {
    const { reportDashboardPdf } = await api(event, ReportDashboardPdfDocument, { filter });
    return downloadFile(reportDashboardPdf, 'reports-dashboard.pdf');
  } catch (e) {
    failLoad(e, event);
  }
};
