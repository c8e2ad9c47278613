/**
 * Surveys: the evaluation on the day and the impact surveys at 6 and 12 months. Pure rules: what a
 * question is, how an answer to it is read and checked, when editing a template needs a new version,
 * and the default templates for safeguarding training.
 */

export enum SurveyStage {
  END_OF_COURSE = 'END_OF_COURSE',
  SIX_MONTHS = 'SIX_MONTHS',
  TWELVE_MONTHS = 'TWELVE_MONTHS',
}

export enum SurveyAudience {
  ATTENDEE = 'ATTENDEE',
  LINE_MANAGER = 'LINE_MANAGER',
}

/** ANONYMOUS: the response holds no link to the person. IDENTIFIED: answers pair across stages. Stated on the form. */
export enum SurveyMode {
  ANONYMOUS = 'ANONYMOUS',
  IDENTIFIED = 'IDENTIFIED',
}

/** What a question measures (Kirkpatrick's levels 1-3), so results combine across courses. */
export enum SurveyMeasure {
  REACTION = 'REACTION',
  LEARNING = 'LEARNING',
  BEHAVIOUR = 'BEHAVIOUR',
}

export enum QuestionKind {
  RATING = 'RATING',
  SINGLE_CHOICE = 'SINGLE_CHOICE',
  MULTIPLE_CHOICE = 'MULTIPLE_CHOICE',
  YES_NO = 'YES_NO',
  SHORT_TEXT = 'SHORT_TEXT',
  LONG_TEXT = 'LONG_TEXT',
  NUMBER = 'NUMBER',
  /** Confidence before the course and now, both 1-5, rated now (a retrospective self-rating). */
  CONFIDENCE_PAIR = 'CONFIDENCE_PAIR',
  /** Shows the person's own end-of-course action plan back and asks: done, partly, not yet. Identified mode only. */
  ACTION_PLAN_REVIEW = 'ACTION_PLAN_REVIEW',
}

export enum SurveyInvitationStatus {
  OPEN = 'OPEN',
  SUBMITTED = 'SUBMITTED',
  CLOSED = 'CLOSED',
  WITHDRAWN = 'WITHDRAWN',
}

export const surveyStageLabels: Record<`${SurveyStage}`, string> = {
  END_OF_COURSE: 'End of course',
  SIX_MONTHS: '6 months after',
  TWELVE_MONTHS: '12 months after',
};
export const surveyAudienceLabels: Record<`${SurveyAudience}`, string> = { ATTENDEE: 'Attendee', LINE_MANAGER: 'Line manager' };
/** A stage, and the audience when it is not the attendee: "6 months after (line manager)". */
export function stageAudienceLabel(stage: string, audience?: string): string {
  const s = surveyStageLabels[stage as SurveyStage] ?? stage;
  return audience && audience !== 'ATTENDEE' ? `${s} (${surveyAudienceLabels[audience as SurveyAudience].toLowerCase()})` : s;
}
export const surveyModeLabels: Record<`${SurveyMode}`, string> = { ANONYMOUS: 'Anonymous', IDENTIFIED: 'Named' };
export const surveyMeasureLabels: Record<`${SurveyMeasure}`, string> = {
  REACTION: 'Reaction',
  LEARNING: 'Learning',
  BEHAVIOUR: 'Behaviour',
};
export const questionKindLabels: Record<`${QuestionKind}`, string> = {
  RATING: 'Rating scale (1 to 5)',
  SINGLE_CHOICE: 'Choose one',
  MULTIPLE_CHOICE: 'Choose any',
  YES_NO: 'Yes or no',
  SHORT_TEXT: 'Short text',
  LONG_TEXT: 'Long text',
  NUMBER: 'Number',
  CONFIDENCE_PAIR: 'Confidence before and now',
  ACTION_PLAN_REVIEW: 'Action plan: done, partly, not yet',
};
/** What the form tells the person answering about who sees their answers. */
export const surveyModeStatements: Record<`${SurveyMode}`, string> = {
  ANONYMOUS: 'This survey is anonymous: your answers are not linked to your name.',
  IDENTIFIED:
    'This survey is not anonymous: your answers are kept with your name, so the training team can compare them with your later answers.',
};

export const ACTION_PLAN_CHOICES = ['DONE', 'PARTLY', 'NOT_YET'] as const;
export type ActionPlanChoice = (typeof ACTION_PLAN_CHOICES)[number];
export const actionPlanChoiceLabels: Record<ActionPlanChoice, string> = { DONE: 'Done', PARTLY: 'Partly', NOT_YET: 'Not yet' };

export const RATING_MIN = 1;
export const RATING_MAX = 5;
export const MAX_SHORT_TEXT = 200;
export const MAX_LONG_TEXT = 4000;
export const MAX_QUESTIONS = 60;

export interface SurveyQuestion {
  /** Stable within the template across versions (answers are keyed by it). */
  id: string;
  kind: QuestionKind;
  text: string;
  hint?: string | null;
  required: boolean;
  measures: SurveyMeasure;
  /** Asked once for each of the course's learning outcomes. */
  perOutcome: boolean;
  /** SINGLE_CHOICE / MULTIPLE_CHOICE. */
  options?: string[];
  /** RATING and CONFIDENCE_PAIR: the words at the ends of the 1-5 scale. */
  lowLabel?: string | null;
  highLabel?: string | null;
  /** NUMBER: optional bounds. */
  min?: number | null;
  max?: number | null;
  /** LONG_TEXT on an end-of-course survey: this answer is the person's action plan (shown back later). */
  actionPlan?: boolean;
  /** RATING on a 6- or 12-month survey: this answer is the person's confidence now, reported beside confidence before and after the course. */
  confidence?: boolean;
}

/** What a form sends for one question (for one outcome): strings, read by the question's kind. */
export interface AnswerInput {
  questionId: string;
  outcomeIndex?: number | null;
  values: string[];
}

export type AnswerValue = number | string | string[] | boolean | { before: number; now: number };

export interface StoredAnswer {
  questionId: string;
  outcomeIndex: number | null;
  value: AnswerValue;
}

export interface AnswerProblem {
  questionId: string;
  outcomeIndex: number | null;
  message: string;
}

/** One place on the form: a question, or a per-outcome question for one outcome. */
export interface AskedQuestion {
  question: SurveyQuestion;
  outcomeIndex: number | null;
  /** The words on the screen: the question, with the outcome when asked per outcome. */
  label: string;
}

/** Every place on the form, in order. An action-plan review is not asked when there is no plan to show. */
export function askedQuestions(questions: SurveyQuestion[], outcomes: string[], hasActionPlan = true): AskedQuestion[] {
  return questions.flatMap((question): AskedQuestion[] => {
    if (question.kind === QuestionKind.ACTION_PLAN_REVIEW && !hasActionPlan) {
      return [];
    }
    if (question.perOutcome && outcomes.length) {
      return outcomes.map((o, i) => ({ question, outcomeIndex: i, label: `${question.text}: ${o}` }));
    }
    return [{ question, outcomeIndex: null, label: question.text }];
  });
}

const key = (questionId: string, outcomeIndex: number | null | undefined) => `${questionId}#${outcomeIndex ?? ''}`;

/**
 * Reads and checks answers against a version's questions. With `submit`, required questions must be
 * answered; a draft may leave anything out. Every problem names the question in the words on the form.
 */
export function checkAnswers(
  asked: AskedQuestion[],
  answers: AnswerInput[],
  submit: boolean,
): { answers: StoredAnswer[]; problems: AnswerProblem[] } {
  const byKey = new Map(asked.map((a) => [key(a.question.id, a.outcomeIndex), a]));
  const problems: AnswerProblem[] = [];
  const stored: StoredAnswer[] = [];
  const given = new Set<string>();
  for (const answer of answers) {
    const k = key(answer.questionId, answer.outcomeIndex);
    const place = byKey.get(k);
    if (!place) {
      problems.push({
        questionId: answer.questionId,
        outcomeIndex: answer.outcomeIndex ?? null,
        message: 'An answer was sent to a question that is not on this survey: reload the page and answer the questions shown',
      });
      continue;
    }
    if (given.has(k)) {
      problems.push({ questionId: answer.questionId, outcomeIndex: place.outcomeIndex, message: `${place.label}: answer once` });
      continue;
    }
    given.add(k);
    const values = answer.values.map((v) => v.trim()).filter((v) => v !== '');
    if (!values.length) {
      continue;
    }
    const read = readAnswer(place, values);
    if (typeof read === 'string') {
      problems.push({ questionId: place.question.id, outcomeIndex: place.outcomeIndex, message: read });
    } else {
      stored.push({ questionId: place.question.id, outcomeIndex: place.outcomeIndex, value: read.value });
    }
  }
  if (submit) {
    for (const place of asked) {
      const k = key(place.question.id, place.outcomeIndex);
      const answered = stored.some((s) => key(s.questionId, s.outcomeIndex) === k);
      const flagged = problems.some((p) => key(p.questionId, p.outcomeIndex) === k);
      if (place.question.required && !answered && !flagged) {
        problems.push({ questionId: place.question.id, outcomeIndex: place.outcomeIndex, message: requiredMessage(place) });
      }
    }
  }
  const order = new Map(asked.map((a, i) => [key(a.question.id, a.outcomeIndex), i]));
  problems.sort((a, b) => (order.get(key(a.questionId, a.outcomeIndex)) ?? -1) - (order.get(key(b.questionId, b.outcomeIndex)) ?? -1));
  return { answers: stored, problems };
}

function requiredMessage(place: AskedQuestion): string {
  switch (place.question.kind) {
    case QuestionKind.SHORT_TEXT:
    case QuestionKind.LONG_TEXT:
    case QuestionKind.NUMBER:
      return `Enter an answer to "${place.label}"`;
    case QuestionKind.CONFIDENCE_PAIR:
      return `Choose your confidence before and now for "${place.label}"`;
    case QuestionKind.MULTIPLE_CHOICE:
      return `Choose at least one answer to "${place.label}"`;
    case QuestionKind.RATING:
    case QuestionKind.SINGLE_CHOICE:
    case QuestionKind.YES_NO:
    case QuestionKind.ACTION_PLAN_REVIEW:
      return `Choose an answer to "${place.label}"`;
  }
}

const scaleValue = (v: string | undefined): number | null =>
  v !== undefined && /^\d$/.test(v) && Number(v) >= RATING_MIN && Number(v) <= RATING_MAX ? Number(v) : null;

/** One answer read by its question's kind; a string is the problem, in the form's words. */
function readAnswer(place: AskedQuestion, values: string[]): { value: AnswerValue } | string {
  const q = place.question;
  const label = `"${place.label}"`;
  const one = values.length === 1 ? values[0] : undefined;
  switch (q.kind) {
    case QuestionKind.RATING: {
      const n = scaleValue(one);
      return n === null ? `Choose a rating from ${RATING_MIN} to ${RATING_MAX} for ${label}` : { value: n };
    }
    case QuestionKind.CONFIDENCE_PAIR: {
      const before = scaleValue(values[0]);
      const now = scaleValue(values[1]);
      return values.length !== 2 || before === null || now === null
        ? `Choose your confidence before and now, each from ${RATING_MIN} to ${RATING_MAX}, for ${label}`
        : { value: { before, now } };
    }
    case QuestionKind.SINGLE_CHOICE:
      return one !== undefined && q.options?.includes(one) ? { value: one } : `Choose one of the answers listed for ${label}`;
    case QuestionKind.MULTIPLE_CHOICE: {
      const unique = [...new Set(values)];
      return unique.every((v) => q.options?.includes(v)) ? { value: unique } : `Choose only answers listed for ${label}`;
    }
    case QuestionKind.YES_NO:
      return one === 'yes' || one === 'no' ? { value: one === 'yes' } : `Choose yes or no for ${label}`;
    case QuestionKind.ACTION_PLAN_REVIEW:
      return (ACTION_PLAN_CHOICES as readonly string[]).includes(one ?? '')
        ? { value: one! }
        : `Choose done, partly or not yet for ${label}`;
    case QuestionKind.SHORT_TEXT:
    case QuestionKind.LONG_TEXT: {
      const limit = q.kind === QuestionKind.SHORT_TEXT ? MAX_SHORT_TEXT : MAX_LONG_TEXT;
      if (one === undefined) {
        return `Enter one answer to ${label}`;
      }
      return one.length > limit ? `The answer to ${label} must be ${limit} characters or fewer` : { value: one };
    }
    case QuestionKind.NUMBER: {
      if (one === undefined || !/^-?\d+(\.\d+)?$/.test(one)) {
        return `Enter a number for ${label}, like 3`;
      }
      const n = Number(one);
      if ((q.min ?? null) !== null && n < q.min!) {
        return `The answer to ${label} must be ${q.min} or more`;
      }
      if ((q.max ?? null) !== null && n > q.max!) {
        return `The answer to ${label} must be ${q.max} or less`;
      }
      return { value: n };
    }
  }
}

/** Stored answers back to the strings a form shows (for drafts). */
export function answerToValues(value: AnswerValue): string[] {
  if (Array.isArray(value)) {
    return value;
  }
  if (typeof value === 'boolean') {
    return [value ? 'yes' : 'no'];
  }
  if (typeof value === 'object') {
    return [String(value.before), String(value.now)];
  }
  return [String(value)];
}

/**
 * Problems with a template's questions as a coordinator wrote them, each naming the question by its
 * number. A template is also checked against its mode: an action-plan review needs identified answers.
 */
export function templateProblems(questions: SurveyQuestion[], mode: SurveyMode): string[] {
  const problems: string[] = [];
  if (!questions.length) {
    problems.push('Add at least one question');
  }
  if (questions.length > MAX_QUESTIONS) {
    problems.push(`A survey can have at most ${MAX_QUESTIONS} questions`);
  }
  const ids = new Set<string>();
  questions.forEach((q, i) => {
    const n = `Question ${i + 1}`;
    if (ids.has(q.id)) {
      problems.push(`${n} has the same id as another question`);
    }
    ids.add(q.id);
    if (!q.text.trim()) {
      problems.push(`${n}: enter the question`);
    }
    if (q.text.length > 500) {
      problems.push(`${n}: the question must be 500 characters or fewer`);
    }
    if (q.kind === QuestionKind.SINGLE_CHOICE || q.kind === QuestionKind.MULTIPLE_CHOICE) {
      const options = (q.options ?? []).map((o) => o.trim()).filter(Boolean);
      if (options.length < 2) {
        problems.push(`${n}: give at least two answers to choose from, one a line`);
      } else if (new Set(options).size !== options.length) {
        problems.push(`${n}: each answer to choose from must be different`);
      }
    }
    if (q.kind === QuestionKind.NUMBER && q.min != null && q.max != null && q.min > q.max) {
      problems.push(`${n}: the smallest number allowed must not be more than the largest`);
    }
    if (q.confidence && q.kind !== QuestionKind.RATING) {
      problems.push(`${n}: only a rating question can be the confidence now`);
    }
    if (q.kind === QuestionKind.ACTION_PLAN_REVIEW) {
      if (mode === SurveyMode.ANONYMOUS) {
        problems.push(`${n}: an action plan can only be shown back on a named survey (not anonymous)`);
      }
      if (q.perOutcome) {
        problems.push(`${n}: an action plan is shown back once, not for each learning outcome`);
      }
    }
  });
  return problems;
}

/**
 * Editing a template: a version that has been sent (has any invitation) is kept as it is and the edit
 * becomes a new version; a version never sent is changed in place.
 */
export function editNeedsNewVersion(latestVersionInvitations: number): boolean {
  return latestVersionInvitations > 0;
}

/** A template cannot become identified once anonymous answers exist: they were given on a promise of anonymity. */
export function modeChangeProblem(from: SurveyMode, to: SurveyMode, responses: number): string | null {
  return from === SurveyMode.ANONYMOUS && to === SurveyMode.IDENTIFIED && responses > 0
    ? 'This survey cannot be made named: people have already answered it anonymously. Make a new template instead.'
    : null;
}

/** How long a survey link stays open after it is sent, by stage. */
export const SURVEY_OPEN_DAYS: Record<`${SurveyStage}`, number> = { END_OF_COURSE: 21, SIX_MONTHS: 28, TWELVE_MONTHS: 28 };

/** An anonymous response keeps only the month of the session, as YYYY-MM in London. */
export function sessionMonth(londonDate: string): string {
  return londonDate.slice(0, 7);
}

/** The id of one place on the form (the input's id and name, and the field an API problem names). */
export function answerFieldId(questionId: string, outcomeIndex: number | null | undefined): string {
  return `q-${questionId}-${outcomeIndex ?? 'x'}`;
}
