import { ReportPeriodKind as Kinds, agencySectorLabels, courseFormatLabels, levelLabels } from '@lh/domain';

/** The choices of the reports' filter form (browser-safe: the page imports them). */
export const periodOptions = Object.values(Kinds).map((k) => ({
  value: k,
  label: {
    FINANCIAL_YEAR: 'Financial year (1 April to 31 March)',
    ACADEMIC_YEAR: 'Academic year (1 September to 31 August)',
    QUARTER: 'Quarter',
    MONTH: 'Month',
    CUSTOM: 'Dates you choose',
  }[k],
}));
export const levelOptions = [{ value: '', label: 'All levels' }, ...Object.entries(levelLabels).map(([v, l]) => ({ value: v, label: l }))];
export const formatOptions = [
  { value: '', label: 'All formats' },
  ...Object.entries(courseFormatLabels).map(([v, l]) => ({ value: v, label: l })),
];
export const sectorOptions = [
  { value: '', label: 'All sectors' },
  ...Object.entries(agencySectorLabels).map(([v, l]) => ({ value: v, label: l })),
];
