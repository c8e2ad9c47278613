import { ProgrammeFilterChoicesDocument, ProgrammeMonthDocument, type ProgrammeMonthQuery } from '@lh/graphql-client';
import { londonParts } from '@lh/domain';
import { api, failLoad } from '$lib/server/api';
import { requireViewer } from '$lib/server/access';
import { filterErrors, programmeFilterFrom } from '../programme-filter';
import type { PageServerLoad } from './$types';

/** The programme as a month calendar: the list's filter (without its dates, sort and page) and `month` (YYYY-MM). */
export const load: PageServerLoad = async (event) => {
  requireViewer(event, 'COORDINATOR');
  const { filter: listFilter, values } = programmeFilterFrom(event.url.searchParams);
  const filter = { ...listFilter, from: null, to: null, sort: null, page: null };
  const month = (event.url.searchParams.get('month') ?? '').trim() || londonParts(new Date()).date.slice(0, 7);
  try {
    const data = await api(event, ProgrammeMonthDocument, { month, filter });
    const { programmeMonth, ...options } = data;
    return {
      programme: programmeMonth as ProgrammeMonthQuery['programmeMonth'] | null,
      options,
      filter,
      values,
      month,
      errors: [] as { field: string; message: string }[],
    };
  } catch (e) {
    const errors = filterErrors(e);
    if (errors) {
      const options = await api(event, ProgrammeFilterChoicesDocument, {});
      return { programme: null, options, filter, values, month, errors };
    }
    failLoad(e, event);
  }
};
