import {
  ReportDrillDownFileDocument,
  ReportFileDocument,
  type DrillDownFigure,
  type TableFileFormat,
  type ReportKind,
} from '@lh/graphql-client';
import { hasDrillDown } from '@lh/domain';
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

/**
 * A report as CSV or XLSX for the same filter as the page (`report`, `file` (CSV or XLSX) and the page's own
 * parameters); with `figure` instead of `report`, every row behind that figure (it names people: coordinators
 * only, and the API writes each download to the audit log).
 */
export const GET: RequestHandler = async (event) => {
  const figure = event.url.searchParams.get('figure');
  if (figure !== null) {
    return drillDownFile(event, figure);
  }
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

async function drillDownFile(event: Parameters<RequestHandler>[0], figure: string): Promise<Response> {
  requireViewer(event, 'COORDINATOR');
  const format = event.url.searchParams.get('file') as TableFileFormat;
  if (!hasDrillDown(figure) || !FORMATS.includes(format)) {
    error(404, { message: 'There is no such report file.', code: 'NOT_FOUND' });
  }
  const { filter } = reportQueryFrom(event.url.searchParams);
  try {
    const { reportDrillDownFile } = await api(event, ReportDrillDownFileDocument, { figure: figure as DrillDownFigure, format, filter });
    return downloadFile(reportDrillDownFile, `report.${format.toLowerCase()}`);
  } catch (e) {
    failLoad(e, event);
  }
}
