import type { SurveyBreakdown } from '@lh/graphql-client';

/** How survey results can be broken down, in the words of the filter. */
export const BREAKDOWNS: Record<SurveyBreakdown, string> = {
  NONE: 'No breakdown',
  COURSE: 'By course',
  SESSION: 'By session',
  AGENCY: 'By agency',
  SECTOR: 'By sector',
};

/** "4.25" kept to two places, "–" when there is nothing. */
export const figure = (n: number | null | undefined) => (n === null || n === undefined ? '–' : String(Math.round(n * 100) / 100));

/** "3 of 4 (75%)". */
export const share = (part: number, whole: number) => (whole ? `${part} of ${whole} (${Math.round((part / whole) * 100)}%)` : '–');

/** The page's query string for these choices with some changed ("" drops one), e.g. "?course=…&picked=yes". */
export function resultsQuery(values: Record<string, string>, over: Record<string, string>): string {
  const entries = Object.entries({ ...values, ...over }).filter(([, v]) => v);
  return entries.length ? `?${new URLSearchParams(entries).toString()}` : '';
}
