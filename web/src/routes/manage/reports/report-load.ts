import type { RequestEvent } from '@sveltejs/kit';
import { ApiRequestError, ReportFilterOptionsDocument } from '@lh/graphql-client';
import { api, failLoad } from '$lib/server/api';
import { requireViewer } from '$lib/server/access';
import { formFieldOf, reportHref, reportQueryFrom } from './report-filter';
import { REPORT_FORM_ID } from './report-options';

/** A problem of the filter, at the form's box. */
export type ReportFormError = { field: string; message: string };

/**
 * What every report page loads first (server only): who may see it (coordinators and reviewers), the
 * filter from the address, the filter form's choices, and the query string that keeps the filter when moving
 * between report pages.
 */
export async function reportPageBase(event: RequestEvent) {
  const me = requireViewer(event, 'COORDINATOR', 'REVIEWER');
  const { filter, agency, values } = reportQueryFrom(event.url.searchParams);
  const options = (await api(event, ReportFilterOptionsDocument, {})).reportFilterOptions;
  const query = reportHref('', filter, { bySector: false, sort: 'NAME', descending: false });
  return { filter, agency, values, options, query, isCoordinator: me.roles.includes('COORDINATOR') };
}

/**
 * Loads a report page's figures; a filter the API refused (a bad period, an id that names nothing, a filter
 * the role may not use) comes back as the form's errors, in the form's words, never as an empty report.
 */
export async function reportOrErrors<T>(
  event: RequestEvent,
  load: () => Promise<T>,
): Promise<{ report: T | null; errors: ReportFormError[] }> {
  try {
    return { report: await load(), errors: [] };
  } catch (e) {
    if (e instanceof ApiRequestError && (e.code === 'BAD_USER_INPUT' || (e.code === 'NOT_ALLOWED' && e.errors[0]?.fields.length))) {
      return { report: null, errors: e.errors.flatMap((x) => x.fields).map((f) => ({ field: formFieldOf(f.field), message: f.message })) };
    }
    return failLoad(e, event);
  }
}

const PERIOD_FIELDS = ['period', 'from-day', 'to-day'];

/**
 * The errors of a form that shows only some filters (`only`): a problem with a filter the form does not show
 * (an agency lead's agency, a course filter on the compliance report) links to the form itself, so every link
 * of the error summary goes to something on the page. One line per field and message.
 */
export function errorsOnForm(errors: ReportFormError[], shown: readonly string[]): ReportFormError[] {
  const fields = new Set([...PERIOD_FIELDS, ...shown]);
  const seen = new Set<string>();
  return errors
    .map((e) => (fields.has(e.field) ? e : { ...e, field: REPORT_FORM_ID }))
    .filter((e) => !seen.has(`${e.field}:${e.message}`) && !!seen.add(`${e.field}:${e.message}`));
}
