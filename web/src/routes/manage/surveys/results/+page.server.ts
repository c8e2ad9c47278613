import { fail } from '@sveltejs/kit';
import {
  ApiRequestError,
  PickSurveyQuoteDocument,
  SurveyResultsDocument,
  type AgencySector,
  type SurveyBreakdown,
  type SurveyResultsFilter,
} from '@lh/graphql-client';
import { agencySectorLabels } from '@lh/domain';
import { api, failLoad } from '$lib/server/api';
import { requireViewer } from '$lib/server/access';
import type { Actions, PageServerLoad } from './$types';
import { BREAKDOWNS } from './breakdown-format';

/** The filter comes from the query string: a plain GET form, so it works without JavaScript. */
function filterFrom(params: URLSearchParams) {
  const values = {
    course: params.get('course')?.trim() ?? '',
    from: params.get('from')?.trim() ?? '',
    to: params.get('to')?.trim() ?? '',
    sector: params.get('sector') ?? '',
    by: params.get('by') ?? '',
    picked: params.get('picked') === 'yes' ? 'yes' : '',
  };
  const filter: SurveyResultsFilter = {
    courseId: values.course || null,
    fromMonth: values.from || null,
    toMonth: values.to || null,
    sector: values.sector in agencySectorLabels ? (values.sector as AgencySector) : null,
    by: values.by in BREAKDOWNS ? (values.by as SurveyBreakdown) : null,
  };
  return { filter, values };
}

const FIELDS: Record<string, string> = { courseId: 'course', fromMonth: 'from', toMonth: 'to', sector: 'sector', by: 'by' };

/** For coordinators and reviewers: the figures; coordinators also pick quotes for the annual report. */
export const load: PageServerLoad = async (event) => {
  const me = requireViewer(event, 'COORDINATOR', 'REVIEWER');
  const { filter, values } = filterFrom(event.url.searchParams);
  const canPick = me.roles.includes('COORDINATOR');
  try {
    const result = await api(event, SurveyResultsDocument, { filter, pickedOnly: values.picked === 'yes' });
    return { ...result, values, canPick, errors: [] as { field: string; message: string }[] };
  } catch (e) {
    if (e instanceof ApiRequestError && e.code === 'BAD_USER_INPUT') {
      const errors = Object.entries(e.fieldMessages()).map(([field, message]) => ({
        field: FIELDS[field.replace(/^filter\./, '')] ?? field,
        message,
      }));
      return { surveyResults: null, surveyQuotes: null, courses: [], values, canPick, errors };
    }
    failLoad(e, event);
  }
};

export const actions: Actions = {
  /** Picks a quote for the annual report, or takes the pick back. */
  pick: async (event) => {
    const form = await event.request.formData();
    const outcome = String(form.get('outcomeIndex') ?? '');
    try {
      await api(event, PickSurveyQuoteDocument, {
        input: {
          responseId: String(form.get('responseId') ?? ''),
          questionId: String(form.get('questionId') ?? ''),
          outcomeIndex: /^\d+$/.test(outcome) ? Number(outcome) : null,
          picked: form.get('picked') === 'yes',
        },
      });
      return { picked: form.get('picked') === 'yes' ? 'The quote is picked for the annual report.' : 'The quote is no longer picked.' };
    } catch (e) {
      if (e instanceof ApiRequestError && (e.code === 'BAD_USER_INPUT' || e.code === 'NOT_FOUND')) {
        return fail(400, { pickError: e.message });
      }
      throw e;
    }
  },
};
