import { EvaluationReportDocument, type EvaluationBreakdown } from '@lh/graphql-client';
import { api } from '$lib/server/api';
import { reportHref } from '../report-filter';
import { reportOrErrors, reportPageBase } from '../report-load';
import type { PageServerLoad } from './$types';

/** Coordinators and reviewers: report 4, evaluation and impact, for the filter in the address; `group` is course (default) or agency. */
export const load: PageServerLoad = async (event) => {
  const base = await reportPageBase(event);
  const by: EvaluationBreakdown = event.url.searchParams.get('group') === 'agency' ? 'AGENCY' : 'COURSE';
  const { report, errors } = await reportOrErrors(
    event,
    async () => (await api(event, EvaluationReportDocument, { filter: base.filter, by })).evaluationReport,
  );
  const noAgency = { bySector: false, sort: 'NAME' as const, descending: false };
  const download = (kind: string, file: string) => reportHref('/manage/reports/download', base.filter, noAgency, { report: kind, file });
  const groupKind = by === 'AGENCY' ? 'EVALUATION_BY_AGENCY' : 'EVALUATION_BY_COURSE';
  return {
    ...base,
    by,
    report,
    errors,
    downloads: report && {
      stagesCsv: download('EVALUATION', 'CSV'),
      stagesXlsx: download('EVALUATION', 'XLSX'),
      groupsCsv: download(groupKind, 'CSV'),
      groupsXlsx: download(groupKind, 'XLSX'),
      ratingsCsv: download('EVALUATION_RATINGS', 'CSV'),
      ratingsXlsx: download('EVALUATION_RATINGS', 'XLSX'),
    },
    other: reportHref('/manage/reports/evaluation', base.filter, noAgency, by === 'AGENCY' ? {} : { group: 'agency' }) + '#by-group',
  };
};
