import { AgencyListDocument, PeopleDocument, type PersonStatus, type Role } from '@lh/graphql-client';
import { api, failLoad } from '$lib/server/api';
import { requireViewer } from '$lib/server/access';
import type { PageServerLoad } from './$types';
import { ROLES, STATUSES } from './people';

export const load: PageServerLoad = async (event) => {
  requireViewer(event, 'COORDINATOR');
  const q = event.url.searchParams;
  const search = {
    text: (q.get('text') ?? '').trim(),
    role: (ROLES as string[]).includes(q.get('role') ?? '') ? (q.get('role') as Role) : null,
    status: (STATUSES as string[]).includes(q.get('status') ?? '') ? (q.get('status') as PersonStatus) : null,
    agencyId: q.get('agencyId') || null,
  };
  const page = /^\d{1,6}$/.test(q.get('page') ?? '') ? Math.max(1, Number(q.get('page'))) : 1;
  try {
    const [{ people }, { agencies }] = await Promise.all([
      api(event, PeopleDocument, { filter: { ...search, text: search.text || null, page } }),
      api(event, AgencyListDocument, {}),
    ]);
    return { people, agencies, search, done: q.get('done'), count: q.get('n') };
  } catch (e) {
    failLoad(e, event);
  }
};
