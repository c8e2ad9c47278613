import type { ProgrammeFilterInput } from '@lh/graphql-client';

/** The filter's fields a link keeps (dates as YYYY-MM-DD). */
const KEPT = ['text', 'courseId', 'priorityAreaId', 'venueId', 'trainerId', 'format', 'status', 'sort', 'from', 'to'] as const;

/** The query string of a filter (without its page), for page links, the calendar and back. */
export function programmeQuery(filter: ProgrammeFilterInput, extra: Record<string, string> = {}): URLSearchParams {
  const q = new URLSearchParams();
  for (const key of KEPT) {
    const v = filter[key];
    if (v && !(key === 'sort' && v === 'DATE')) {
      q.set(key, String(v));
    }
  }
  if (filter.withWaitingList) {
    q.set('waiting', 'yes');
  }
  if (filter.withApprovalsWaiting) {
    q.set('approvals', 'yes');
  }
  for (const [k, v] of Object.entries(extra)) {
    q.set(k, v);
  }
  return q;
}

export function programmeHref(path: string, filter: ProgrammeFilterInput, extra: Record<string, string> = {}): string {
  const query = programmeQuery(filter, extra).toString();
  return `${path}${query ? `?${query}` : ''}`;
}
