import { ReportPeriodKind as Kinds, agencySectorLabels, courseFormatLabels, levelLabels } from '@lh/domain';

/** The id of the report filter form (`ReportFilterForm`): an error summary links here for a filter the form does not show. */
export const REPORT_FORM_ID = 'report-filters';

/** The filters the compliance report's form shows: compliance is of people, so who (agency, sector), never which courses. */
export const COMPLIANCE_FILTERS = ['agencyId', 'sector'] as const;

/** The filters an agency lead's form shows (their agency is forced; the sector would reach other agencies). */
export const LEAD_FILTERS = ['priorityAreaId', 'level', 'format', 'courseId'] as const;

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
