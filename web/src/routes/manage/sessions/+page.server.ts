import { ProgrammeFilterChoicesDocument, ProgrammeSessionsDocument, type ProgrammeSessionsQuery } from '@lh/graphql-client';
import { api, failLoad } from '$lib/server/api';
import type { PageServerLoad } from './$types';
import { requireViewer } from '$lib/server/access';
import { filterErrors, programmeFilterFrom } from './programme-filter';

export const load: PageServerLoad = async (event) => {
  requireViewer(event, 'COORDINATOR');
  const { filter, values } = programmeFilterFrom(event.url.searchParams);
  try {
    const data = await api(event, ProgrammeSessionsDocument, { filter });
    const { programmeSessions, ...options } = data;
    return {
      programme: programmeSessions as ProgrammeSessionsQuery['programmeSessions'] | null,
      options,
      filter,
      values,
      errors: [] as { field: string; message: string }[],
    };
  } catch (e) {
    const errors = filterErrors(e);
    if (errors) {
      const options = await api(event, ProgrammeFilterChoicesDocument, {});
      return { programme: null, options, filter, values, errors };
    }
    failLoad(e, event);
  }
};
