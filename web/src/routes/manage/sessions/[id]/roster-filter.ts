import type { RosterSort } from '@lh/graphql-client';

const SORTS: readonly RosterSort[] = ['NAME', 'AGENCY', 'STATUS', 'BOOKED_ON'];

/** The roster's GET filter (works without JavaScript): `q` searches names and emails, `sort` orders it. */
export function rosterFilter(url: URL): { search: string; sort: RosterSort } {
  const sort = url.searchParams.get('sort') as RosterSort | null;
  return { search: (url.searchParams.get('q') ?? '').trim().slice(0, 200), sort: sort && SORTS.includes(sort) ? sort : 'NAME' };
}

/** The query string that keeps the roster's search and order (for its exports and links back). */
export function rosterQuery(filter: { search: string; sort: RosterSort }): string {
  const params = new URLSearchParams();
  if (filter.search) {
    params.set('q', filter.search);
  }
  if (filter.sort !== 'NAME') {
    params.set('sort', filter.sort);
  }
  const q = params.toString();
  return q ? `?${q}` : '';
}
