import { loadAgency } from './agency';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  return { agency: await loadAgency(event), done: event.url.searchParams.get('done') };
};
