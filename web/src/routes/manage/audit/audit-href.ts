import type { AuditLogFilterInput } from '@lh/graphql-client';

/** The address of a page of the log for a filter. */
export function auditHref(filter: AuditLogFilterInput, page = 1): string {
  const q = new URLSearchParams();
  for (const key of ['action', 'text', 'actorId', 'subjectPersonId', 'from', 'to'] as const) {
    const v = filter[key];
    if (v) {
      q.set(key, v);
    }
  }
  if (page > 1) {
    q.set('page', String(page));
  }
  const query = q.toString();
  return `/manage/audit${query ? `?${query}` : ''}`;
}
