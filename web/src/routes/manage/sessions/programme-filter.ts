import type { CourseFormat, ProgrammeFilterInput, ProgrammeSort, SessionStatus } from '@lh/graphql-client';
import { CourseFormat as Formats } from '@lh/domain';
import { ApiRequestError } from '@lh/graphql-client';
import { dateFromParams, NO_DATE } from '$lib/server/date-boxes';

const FORMATS = Object.values(Formats) as string[];
const STATUSES = ['SCHEDULED', 'CANCELLED'];

/**
 * The programme's filter from the address (a plain GET form, so it works without JavaScript): words in the
 * course title, course, priority area, venue, trainer, format, London dates in boxes (`from-day`...) or as
 * YYYY-MM-DD from a link, "has a waiting list", "has approvals waiting", scheduled or cancelled, the sort and
 * the page. Ids are passed on as given: the API names one it does not know.
 */
export function programmeFilterFrom(params: URLSearchParams) {
  const text = (params.get('text') ?? '').trim();
  const id = (name: string) => (params.get(name) ?? '').trim();
  const format = FORMATS.includes(params.get('format') ?? '') ? (params.get('format') as CourseFormat) : null;
  const status = STATUSES.includes(params.get('status') ?? '') ? (params.get('status') as SessionStatus) : null;
  const sort: ProgrammeSort = params.get('sort') === 'FILL' ? 'FILL' : 'DATE';
  const from = dateFromParams(params, 'from');
  const to = dateFromParams(params, 'to');
  const page = /^\d{1,6}$/.test(params.get('page') ?? '') ? Math.max(1, Number(params.get('page'))) : 1;
  const filter: ProgrammeFilterInput = {
    text: text || null,
    courseId: id('courseId') || null,
    priorityAreaId: id('priorityAreaId') || null,
    venueId: id('venueId') || null,
    trainerId: id('trainerId') || null,
    format,
    from: from?.iso ?? null,
    to: to?.iso ?? null,
    withWaitingList: params.get('waiting') === 'yes' || null,
    withApprovalsWaiting: params.get('approvals') === 'yes' || null,
    status,
    sort,
    page,
  };
  const values = {
    text,
    courseId: filter.courseId ?? '',
    priorityAreaId: filter.priorityAreaId ?? '',
    venueId: filter.venueId ?? '',
    trainerId: filter.trainerId ?? '',
    format: format ?? '',
    status: status ?? '',
    sort,
    waiting: !!filter.withWaitingList,
    approvals: !!filter.withApprovalsWaiting,
    from: from?.boxes ?? NO_DATE,
    to: to?.boxes ?? NO_DATE,
  };
  return { filter, values };
}

/** The problems with a filter the API refused, at the fields of the form (a date at its first box); null when it was not that. */
export function filterErrors(e: unknown): { field: string; message: string }[] | null {
  if (!(e instanceof ApiRequestError) || e.code !== 'BAD_USER_INPUT') {
    return null;
  }
  return Object.entries(e.fieldMessages()).map(([field, message]) => ({
    field: field === 'from' || field === 'to' ? `${field}-day` : field,
    message,
  }));
}
