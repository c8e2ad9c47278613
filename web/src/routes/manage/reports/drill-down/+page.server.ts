import { error } from '@sveltejs/kit';
import { ReportDrillDownDocument, type DrillDownFigure } from '@lh/graphql-client';
import { hasDrillDown } from '@lh/domain';
import { api } from '$lib/server/api';
import { requireViewer } from '$lib/server/access';
import { reportHref } from '../report-filter';
import { reportOrErrors, reportPageBase } from '../report-load';
import type { PageServerLoad } from './$types';

/**
 * Coordinators only (it names people): the sessions and people behind one figure (`figure`) for the report
 * filter in the address, a page at a time (`page`, GET links), with the file of every row.
 */
export const load: PageServerLoad = async (event) => {
  requireViewer(event, 'COORDINATOR');
  const figure = event.url.searchParams.get('figure') ?? '';
  if (!hasDrillDown(figure)) {
    error(404, { message: 'There is no list behind that figure.', code: 'NOT_FOUND' });
  }
  const base = await reportPageBase(event);
  const { filter, agency } = base;
  const page = Math.max(1, Number.parseInt(event.url.searchParams.get('page') ?? '1', 10) || 1);
  const { report: drill, errors } = await reportOrErrors(
    event,
    async () => (await api(event, ReportDrillDownDocument, { figure: figure as DrillDownFigure, filter, page })).reportDrillDown,
  );
  const pageHref = reportHref('/manage/reports/drill-down', filter, agency, { figure, page: 'PAGE' });
  const download = (file: string) => reportHref('/manage/reports/download', filter, agency, { figure, file });
  return {
    ...base,
    figure,
    drill,
    errors,
    pageHref,
    summaryHref: reportHref('/manage/reports', filter, agency),
    downloads: drill && { csv: download('CSV'), xlsx: download('XLSX') },
  };
};
