import { fail } from '@sveltejs/kit';
import { ApiRequestError, SaveSurveyDraftDocument, SubmitSurveyDocument, SurveyFormDocument } from '@lh/graphql-client';
import { api, failLoad } from '$lib/server/api';
import { firstInputId, readAnswers } from '../survey-form';
import type { Actions, PageServerLoad } from './$types';

/** A personal survey link: no sign-in; the signed token in the address is the permission. Never indexed. */
export const load: PageServerLoad = async (event) => {
  event.setHeaders({ 'x-robots-tag': 'noindex' });
  try {
    const { surveyForm } = await api(event, SurveyFormDocument, { token: event.params.token });
    return { survey: surveyForm, saved: event.url.searchParams.get('saved') === '1' };
  } catch (e) {
    failLoad(e, event);
  }
};

async function answer(event: Parameters<Actions[string]>[0], submit: boolean) {
  const form = await event.request.formData();
  const token = event.params.token;
  const { surveyForm } = await api(event, SurveyFormDocument, { token });
  const answers = readAnswers(form, surveyForm.questions);
  const values = Object.fromEntries(answers.map((a, i) => [surveyForm.questions[i]!.fieldId, a.values]));
  try {
    if (submit) {
      await api(event, SubmitSurveyDocument, { token, answers });
      return { submitted: true };
    }
    await api(event, SaveSurveyDraftDocument, { token, answers });
    return { saved: true, values };
  } catch (e) {
    if (!(e instanceof ApiRequestError)) {
      throw e;
    }
    const byField = e.errors[0]?.fields ?? [];
    const errors = byField.length
      ? byField.map((f) => {
          const q = surveyForm.questions.find((x) => x.fieldId === f.field);
          return { field: q ? firstInputId(q) : null, question: f.field, message: f.message };
        })
      : [{ field: null, question: null, message: e.errors[0]?.message ?? e.message }];
    return fail(e.status >= 400 && e.status < 500 ? e.status : 400, { errors, values, code: e.code });
  }
}

export const actions: Actions = {
  submit: (event) => answer(event, true),
  draft: (event) => answer(event, false),
};
