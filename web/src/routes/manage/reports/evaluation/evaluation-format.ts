import { stageAudienceLabel } from '@lh/domain';

/** How the evaluation report's values read on the page: an average as the export writes it, "–" for none. */
export const average = (v: number | null | undefined): string => (v === null || v === undefined ? '–' : String(v));

/** A session month (YYYY-MM) in words: "April 2024". */
export function monthLabel(month: string): string {
  return new Date(`${month}-01T12:00:00Z`).toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** A stage, and the audience when it is not the attendee: "6 months after (line manager)" (the exports' words). */
export const stageLabel = stageAudienceLabel;
