import type { SurveyFormQuery } from '@lh/graphql-client';

export type FormQuestion = SurveyFormQuery['surveyForm']['questions'][number];

/** The names a question's inputs have on the form: a confidence pair has two (before, now). */
export function inputNames(q: Pick<FormQuestion, 'fieldId' | 'kind'>): string[] {
  return q.kind === 'CONFIDENCE_PAIR' ? [`${q.fieldId}-before`, `${q.fieldId}-now`] : [q.fieldId];
}

/** The id an error summary links to: the first input of the question. */
export function firstInputId(q: Pick<FormQuestion, 'fieldId' | 'kind'>): string {
  return inputNames(q)[0]!;
}

/** What the form sent, read for each question on it (strings, as the API reads them). */
export function readAnswers(form: FormData, questions: FormQuestion[]) {
  return questions.map((q) => {
    const values = q.kind === 'CONFIDENCE_PAIR' ? inputNames(q).map((n) => String(form.get(n) ?? '')) : form.getAll(q.fieldId).map(String);
    return {
      questionId: q.questionId,
      outcomeIndex: q.outcomeIndex ?? null,
      values: q.kind === 'CONFIDENCE_PAIR' && values.every((v) => !v) ? [] : values,
    };
  });
}
