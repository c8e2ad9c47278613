import { personStatusLabels, roleLabels } from '@lh/domain';
import type { PersonStatus, Role } from '@lh/graphql-client';

export const ROLES: Role[] = ['PRACTITIONER', 'TRAINER', 'COORDINATOR', 'REVIEWER'];
export const STATUSES: PersonStatus[] = ['ACTIVE', 'PROVISIONAL', 'UNVERIFIED', 'PENDING_APPROVAL', 'REFUSED', 'DEACTIVATED', 'ERASED'];

export const roleOptions = ROLES.map((r) => ({ value: r, label: roleLabels[r] }));
export const rolesText = (roles: readonly Role[]) => roles.map((r) => roleLabels[r]).join(', ') || 'None';

type TagColour = 'grey' | 'green' | 'turquoise' | 'blue' | 'purple' | 'pink' | 'red' | 'orange' | 'yellow';
const statusColours: Record<PersonStatus, TagColour> = {
  ACTIVE: 'green',
  UNVERIFIED: 'yellow',
  PENDING_APPROVAL: 'blue',
  REFUSED: 'red',
  DEACTIVATED: 'grey',
  PROVISIONAL: 'turquoise',
  ERASED: 'grey',
};

/** The tag for an account status: the words carry the meaning. */
export function personStatusTag(status: PersonStatus): { label: string; colour: TagColour } {
  return { label: personStatusLabels[status], colour: statusColours[status] };
}

/** The address of a page of a people search (only the filters in use, no page number for page 1). */
export function peopleSearchHref(
  s: { text: string; role: string | null; status: string | null; agencyId: string | null },
  page: number,
): string {
  const q = new URLSearchParams();
  for (const [key, value] of [
    ['text', s.text],
    ['role', s.role],
    ['status', s.status],
    ['agencyId', s.agencyId],
  ] as const) {
    if (value) {
      q.set(key, value);
    }
  }
  if (page > 1) {
    q.set('page', String(page));
  }
  const text = q.toString();
  return `/manage/people${text ? `?${text}` : ''}`;
}
