import { formatLondonDate, londonToUtc, mandatoryStatusLabels } from '@lh/domain';
import type { MandatoryStatus } from '@lh/graphql-client';

/** The tag for a mandatory training status: the words always say it, the colour only helps. */
export function mandatoryStatusTag(status: MandatoryStatus): { label: string; colour: 'green' | 'yellow' | 'red' | 'grey' | 'orange' } {
  const colour = ({ CURRENT: 'green', DUE_SOON: 'yellow', NOT_YET_DUE: 'grey', OVERDUE: 'red', EXPIRED: 'orange' } as const)[status];
  return { label: mandatoryStatusLabels[status], colour };
}

/** "Sunday 28 February 2027" for a London calendar date (YYYY-MM-DD). */
export const formatDay = (date: string) => formatLondonDate(londonToUtc(date, '12:00'));

/** The sentence under a status: until when it is valid, when it was due, by when to do it. */
export function standingSentence(s: {
  status: MandatoryStatus;
  lastCompletedOn?: string | null;
  validUntil?: string | null;
  refresherFrom?: string | null;
  dueBy?: string | null;
}): string {
  switch (s.status) {
    case 'CURRENT':
      return `Completed ${formatDay(s.lastCompletedOn!)}. Valid until ${formatDay(s.validUntil!)}; a refresher is due from ${formatDay(s.refresherFrom!)}.`;
    case 'DUE_SOON':
      return `Completed ${formatDay(s.lastCompletedOn!)}. Valid until ${formatDay(s.validUntil!)}: book a refresher before then.`;
    case 'EXPIRED':
      return `Completed ${formatDay(s.lastCompletedOn!)}. It stopped being valid after ${formatDay(s.validUntil!)}.`;
    case 'OVERDUE':
      return `Not completed. It was due by ${formatDay(s.dueBy!)}.`;
    case 'NOT_YET_DUE':
      return `Not completed yet. As a new starter, complete it by ${formatDay(s.dueBy!)}.`;
  }
}

/** The order the pages list statuses in, and their labels. */
export const STATUS_ORDER: MandatoryStatus[] = ['CURRENT', 'DUE_SOON', 'NOT_YET_DUE', 'OVERDUE', 'EXPIRED'];
