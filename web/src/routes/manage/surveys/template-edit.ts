import type { SurveyTemplateQuery, SurveyQuestionInput, QuestionKind, SurveyMeasure } from '@lh/graphql-client';

type Template = SurveyTemplateQuery['surveyTemplate'];

/** A stored question back to what the save mutation takes. */
export function toInput(q: Template['questions'][number]): SurveyQuestionInput {
  return {
    id: q.id,
    kind: q.kind,
    text: q.text,
    hint: q.hint,
    required: q.required,
    measures: q.measures,
    perOutcome: q.perOutcome,
    options: q.options,
    lowLabel: q.lowLabel,
    highLabel: q.highLabel,
    min: q.min,
    max: q.max,
    actionPlan: q.actionPlan,
    confidence: q.confidence,
  };
}

const number = (text: string) => (text.trim() && Number.isFinite(Number(text)) ? Number(text) : null);

/** A new question from the "Add a question" form. */
export function questionFrom(form: FormData): SurveyQuestionInput {
  const kind = String(form.get('kind') ?? '') as QuestionKind;
  const scale = kind === 'RATING' || kind === 'CONFIDENCE_PAIR';
  return {
    kind,
    text: String(form.get('text') ?? ''),
    hint: String(form.get('hint') ?? '') || null,
    required: form.get('required') === 'yes',
    measures: String(form.get('measures') ?? '') as SurveyMeasure,
    perOutcome: form.get('perOutcome') === 'yes',
    options: String(form.get('options') ?? '')
      .split('\n')
      .map((o) => o.trim())
      .filter(Boolean),
    lowLabel: scale ? String(form.get('lowLabel') ?? '') || null : null,
    highLabel: scale ? String(form.get('highLabel') ?? '') || null : null,
    min: kind === 'NUMBER' ? number(String(form.get('min') ?? '')) : null,
    max: kind === 'NUMBER' ? number(String(form.get('max') ?? '')) : null,
    confidence: kind === 'RATING' && form.get('confidence') === 'yes',
  };
}

/** Moves the question at `index` by `by` places (kept in the list's bounds). */
export function move<T>(list: T[], index: number, by: number): T[] {
  const to = index + by;
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) {
    return list;
  }
  const copy = [...list];
  [copy[index], copy[to]] = [copy[to]!, copy[index]!];
  return copy;
}
