import { ApiRequestError, ReportFilterOptionsDocument, ReportsDocument, type ReportsQuery } from '@lh/graphql-client';
import { api, failLoad } from '$lib/server/api';
import { requireViewer } from '$lib/server/access';
import { formFieldOf, reportHref, reportQueryFrom } from './report-filter';
import type { PageServerLoad } from './$types';

/** Coordinators and reviewers: reports 1-3 for the filter in the address, and the links to their files. */
export const load: PageServerLoad = async (event) => {
  const me = requireViewer(event, 'COORDINATOR', 'REVIEWER');
  const { filter, agency, values } = reportQueryFrom(event.url.searchParams);
  const options = (await api(event, ReportFilterOptionsDocument, {})).reportFilterOptions;
  const base = { options, values, isCoordinator: me.roles.includes('COORDINATOR') };
  try {
    const reports: ReportsQuery | null = await api(event, ReportsDocument, { filter, agency });
    const download = (report: string, format: string) => reportHref('/manage/reports/download', filter, agency, { report, file: format });
    const sortHref = (sort: string, descending: boolean) =>
      reportHref('/manage/reports', filter, { ...agency, sort: sort as never, descending }, {}) + '#by-agency';
    const sorts: Record<string, string> = Object.fromEntries(
      ['NAME', 'BOOKED', 'ATTENDED', 'ATTENDANCE_RATE', 'DID_NOT_ATTEND', 'LATE_CANCELLATIONS', 'CHARGES'].map((s) => [
        s,
        sortHref(s, agency.sort === s ? !agency.descending : s !== 'NAME'),
      ]),
    );
    const other = reportHref('/manage/reports', filter, { ...agency, bySector: !agency.bySector }) + '#by-agency';
    return {
      ...base,
      reports,
      downloads: {
        summaryCsv: download('PROGRAMME_SUMMARY', 'CSV'),
        summaryXlsx: download('PROGRAMME_SUMMARY', 'XLSX'),
        annualCsv: download('ANNUAL_TABLE', 'CSV'),
        annualXlsx: download('ANNUAL_TABLE', 'XLSX'),
        agencyCsv: download(agency.bySector ? 'BY_SECTOR' : 'BY_AGENCY', 'CSV'),
        agencyXlsx: download(agency.bySector ? 'BY_SECTOR' : 'BY_AGENCY', 'XLSX'),
      },
      sorts,
      other,
      errors: [] as { field: string; message: string }[],
    };
  } catch (e) {
    if (e instanceof ApiRequestError && (e.code === 'BAD_USER_INPUT' || (e.code === 'NOT_ALLOWED' && e.errors[0]?.fields.length))) {
      const errors = e.errors.flatMap((x) => x.fields).map((f) => ({ field: formFieldOf(f.field), message: f.message }));
      return { ...base, reports: null, downloads: null, sorts: {} as Record<string, string>, other: '', errors };
    }
    failLoad(e, event);
  }
};
