import { ApiRequestError, CoursesDocument, PriorityAreasDocument, type CourseFilterInput, type CourseFormat } from '@lh/graphql-client';
import { api, failLoad } from '$lib/server/api';
import type { PageServerLoad } from './$types';

/** Reads the catalogue filters from the query string (a plain GET form, so it works without JavaScript). */
function filterFrom(params: URLSearchParams): { filter: CourseFilterInput; values: Record<string, string> } {
  const values = {
    search: params.get('search')?.trim() ?? '',
    priorityAreaId: params.get('priorityAreaId') ?? '',
    level: params.get('level') ?? '',
    format: params.get('format') ?? '',
    hasUpcomingPlaces: params.get('hasUpcomingPlaces') ?? '',
  };
  const filter: CourseFilterInput = {};
  if (values.search) {
    filter.search = values.search;
  }
  if (values.priorityAreaId) {
    filter.priorityAreaId = values.priorityAreaId;
  }
  // A level that is not a whole number is sent as-is so the API names the problem.
  if (values.level) {
    filter.level = /^-?\d+$/.test(values.level) ? Number(values.level) : Number.NaN;
  }
  if (values.format) {
    filter.format = values.format as CourseFormat;
  }
  if (values.hasUpcomingPlaces === 'yes') {
    filter.hasUpcomingPlaces = true;
  }
  return { filter, values };
}

export const load: PageServerLoad = async (event) => {
  const { filter, values } = filterFrom(event.url.searchParams);
  let areas;
  try {
    areas = (await api(event, PriorityAreasDocument, {})).priorityAreas;
  } catch (e) {
    failLoad(e, event);
  }
  try {
    if (Number.isNaN(filter.level)) {
      return { areas, values, courses: [], errors: [{ field: 'level', message: 'Level must be a number from 1 to 4' }] };
    }
    const { courses } = await api(event, CoursesDocument, { filter });
    return { areas, values, courses, errors: [] };
  } catch (e) {
    if (e instanceof ApiRequestError && e.code === 'BAD_USER_INPUT') {
      const fields = e.fieldMessages();
      const errors = Object.entries(fields).map(([field, message]) => ({ field, message: message.replace(/^filter\./, '') }));
      return { areas, values, courses: [], errors: errors.length ? errors : [{ field: 'search', message: e.message }] };
    }
    failLoad(e, event);
  }
};
