import { TrainersReportDocument } from '@lh/graphql-client';
import { api } from '$lib/server/api';
import { reportHref } from '../report-filter';
import { reportOrErrors, reportPageBase } from '../report-load';
import type { PageServerLoad } from './$types';

/** Coordinators and reviewers: report 6, what trainers delivered and its ratings; per trainer (names) for coordinators only. */
export const load: PageServerLoad = async (event) => {
  const base = await reportPageBase(event);
  const { filter, agency } = base;
  const { report, errors } = await reportOrErrors(event, async () => (await api(event, TrainersReportDocument, { filter })).trainersReport);
  const download = (kind: string, file: string) => reportHref('/manage/reports/download', filter, agency, { report: kind, file });
  return {
    ...base,
    report,
    errors,
    downloads: report && {
      trainersCsv: download('TRAINERS', 'CSV'),
      trainersXlsx: download('TRAINERS', 'XLSX'),
      agenciesCsv: download('TRAINER_AGENCIES', 'CSV'),
      agenciesXlsx: download('TRAINER_AGENCIES', 'XLSX'),
    },
  };
};
