import { ReportFileDocument, type TableFileFormat, type ReportKind } from '@lh/graphql-client';
import { error } from '@sveltejs/kit';
import { api, failLoad } from '$lib/server/api';
import { requireViewer } from '$lib/server/access';
import { downloadFile } from '$lib/server/download';
import { reportQueryFrom } from '../report-filter';
import type { RequestHandler } from './$types';

const REPORTS: ReportKind[] = [
  'PROGRAMME_SUMMARY',
  'ANNUAL_TABLE',
  'BY_AGENCY',
  'BY_SECTOR',
  'EVALUATION',
  'EVALUATION_BY_COURSE',
  'EVALUATION_BY_AGENCY',
  'EVALUATION_RATINGS',
  'CHARGES',
  'TRAINERS',
  'TRAINER_AGENCIES',
  'COMPLIANCE',
];
const FORMATS: TableFileFormat[] = ['CSV', 'XLSX'];

/** A report as CSV or XLSX for the same filter as the page (`report`, `file` (CSV or XLSX) and the page's own parameters). */
export const GET: RequestHandler = async (event) => {
  requireViewer(event, 'COORDINATOR', 'REVIEWER');
  const report = event.url.searchParams.get('report') as ReportKind;
  const format = event.url.searchParams.get('file') as TableFileFormat;
  if (!REPORTS.includes(report) || !FORMATS.includes(format)) {
    error(404, { message: 'There is no such report file.', code: 'NOT_FOUND' });
  }
  const { filter, agency } = reportQueryFrom(event.url.searchParams);
  try {
    const { reportFile } = await api(event, ReportFileDocument, { report, format, filter, agency });
    return downloadFile(reportFile, `report.${format.toLowerCase()}`);
  } catch (e) {
    failLoad(e, event);
  }
};
