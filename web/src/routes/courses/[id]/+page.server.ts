import { CourseDocument } from '@lh/graphql-client';
import { api, failLoad } from '$lib/server/api';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  try {
    const { course } = await api(event, CourseDocument, { id: event.params.id });
    return { course };
  } catch (e) {
    failLoad(e, event);
  }
};
