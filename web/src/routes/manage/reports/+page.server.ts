import { ReportsDocument } from '@lh/graphql-client';
import { api } from '$lib/server/api';
import { reportHref } from './report-filter';
import { reportOrErrors, reportPageBase } from './report-load';
import type { PageServerLoad } from './$types';

const SORTS = ['NAME', 'BOOKED', 'ATTENDED', 'ATTENDANCE_RATE', 'DID_NOT_ATTEND', 'LATE_CANCELLATIONS', 'CHARGES'];

/** Coordinators and reviewers: reports 1-3 for the filter in the address, and the links to their files. */
export const load: PageServerLoad = async (event) => {
  const base = await reportPageBase(event);
  const { filter, agency } = base;
  const { report: reports, errors } = await reportOrErrors(event, () => api(event, ReportsDocument, { filter, agency }));
  const download = (report: string, format: string) => reportHref('/manage/reports/download', filter, agency, { report, file: format });
  const sortHref = (sort: string, descending: boolean) =>
    reportHref('/manage/reports', filter, { ...agency, sort: sort as never, descending }, {}) + '#by-agency';
  return {
    ...base,
    reports,
    errors,
    downloads: reports && {
      summaryCsv: download('PROGRAMME_SUMMARY', 'CSV'),
      summaryXlsx: download('PROGRAMME_SUMMARY', 'XLSX'),
      annualCsv: download('ANNUAL_TABLE', 'CSV'),
      annualXlsx: download('ANNUAL_TABLE', 'XLSX'),
      agencyCsv: download(agency.bySector ? 'BY_SECTOR' : 'BY_AGENCY', 'CSV'),
      agencyXlsx: download(agency.bySector ? 'BY_SECTOR' : 'BY_AGENCY', 'XLSX'),
    },
    sorts: Object.fromEntries(SORTS.map((s) => [s, sortHref(s, agency.sort === s ? !agency.descending : s !== 'NAME')])) as Record<
      string,
      string
    >,
    other: reportHref('/manage/reports', filter, { ...agency, bySector: !agency.bySector }) + '#by-agency',
  };
};
