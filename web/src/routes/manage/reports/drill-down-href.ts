import { hasDrillDown } from '@lh/domain';

/**
 * The address of the sessions and people behind a figure (`/manage/reports/drill-down`), for the report
 * filter's query string (`?period=...`, as `reportPageBase` gives it) and, optionally, one more filter (an
 * agency table row's agency or sector). Null when the figure has no drill-down or the viewer may not see one
 * (it names people: coordinators only), so the page shows the plain number.
 */
export function drillDownHref(isCoordinator: boolean, query: string, figure: string, extra: Record<string, string> = {}): string | null {
  if (!isCoordinator || !hasDrillDown(figure)) {
    return null;
  }
  const q = new URLSearchParams(query);
  for (const [k, v] of Object.entries(extra)) {
    q.set(k, v);
  }
  q.set('figure', figure);
  return `/manage/reports/drill-down?${q.toString()}`;
}

/** The extra filter of an agency table row: its agency or sector; the total keeps the page's filter; "no agency" has none. */
export function rowFilter(key: string, bySector: boolean): Record<string, string> | null {
  if (key === 'total') {
    return {};
  }
  if (key === 'none') {
    return null;
  }
  return bySector ? { sector: key } : { agencyId: key };
}
