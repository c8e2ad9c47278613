import { DEFAULT_SURVEY_TEMPLATES } from './survey-defaults';
import {
  QuestionKind,
  SurveyMeasure,
  SurveyMode,
  askedQuestions,
  checkAnswers,
  editNeedsNewVersion,
  modeChangeProblem,
  templateProblems,
  type SurveyQuestion,
} from './surveys';

const q = (kind: QuestionKind, more: Partial<SurveyQuestion> = {}): SurveyQuestion => ({
  id: kind.toLowerCase().replace(/_/g, '-'),
  kind,
  text: `A ${kind} question`,
  required: true,
  measures: SurveyMeasure.REACTION,
  perOutcome: false,
  ...more,
});

const one = (question: SurveyQuestion, values: string[], outcomes: string[] = []) =>
  checkAnswers(
    askedQuestions([question], outcomes),
    [{ questionId: question.id, outcomeIndex: question.perOutcome ? 0 : null, values }],
    true,
  );

describe('survey answers, by kind', () => {
  it.each([
    [q(QuestionKind.RATING), ['4'], 4],
    [q(QuestionKind.CONFIDENCE_PAIR), ['2', '5'], { before: 2, now: 5 }],
    [q(QuestionKind.SINGLE_CHOICE, { options: ['A', 'B'] }), ['B'], 'B'],
    [q(QuestionKind.MULTIPLE_CHOICE, { options: ['A', 'B', 'C'] }), ['A', 'C', 'A'], ['A', 'C']],
    [q(QuestionKind.YES_NO), ['no'], false],
    [q(QuestionKind.SHORT_TEXT), [' hello '], 'hello'],
    [q(QuestionKind.NUMBER, { min: 0, max: 10 }), ['7'], 7],
    [q(QuestionKind.ACTION_PLAN_REVIEW), ['PARTLY'], 'PARTLY'],
  ])('reads a %s answer', (question, values, value) => {
    expect(one(question, values)).toEqual({ answers: [{ questionId: question.id, outcomeIndex: null, value }], problems: [] });
  });

  it.each([
    [q(QuestionKind.RATING), ['6'], 'Choose a rating from 1 to 5 for "A RATING question"'],
    [q(QuestionKind.RATING), ['0'], 'Choose a rating from 1 to 5 for "A RATING question"'],
    [q(QuestionKind.CONFIDENCE_PAIR), ['3'], 'Choose your confidence before and now, each from 1 to 5, for "A CONFIDENCE_PAIR question"'],
    [q(QuestionKind.SINGLE_CHOICE, { options: ['A', 'B'] }), ['Z'], 'Choose one of the answers listed for "A SINGLE_CHOICE question"'],
    [q(QuestionKind.MULTIPLE_CHOICE, { options: ['A'] }), ['A', 'Q'], 'Choose only answers listed for "A MULTIPLE_CHOICE question"'],
    [q(QuestionKind.YES_NO), ['maybe'], 'Choose yes or no for "A YES_NO question"'],
    [q(QuestionKind.SHORT_TEXT), ['x'.repeat(201)], 'The answer to "A SHORT_TEXT question" must be 200 characters or fewer'],
    [q(QuestionKind.NUMBER, { min: 1, max: 10 }), ['11'], 'The answer to "A NUMBER question" must be 10 or less'],
    [q(QuestionKind.NUMBER, { min: 1 }), ['0'], 'The answer to "A NUMBER question" must be 1 or more'],
    [q(QuestionKind.NUMBER), ['three'], 'Enter a number for "A NUMBER question", like 3'],
    [q(QuestionKind.ACTION_PLAN_REVIEW), ['DONE!'], 'Choose done, partly or not yet for "A ACTION_PLAN_REVIEW question"'],
  ])('refuses a bad %s answer, naming the question', (question, values, message) => {
    expect(one(question, values).problems.map((p) => p.message)).toEqual([message]);
  });

  it('needs required answers on submit only, and names the learning outcome of a per-outcome question', () => {
    const asked = askedQuestions([q(QuestionKind.RATING, { perOutcome: true, text: 'I can now do this' })], ['Spot neglect', 'Refer']);
    expect(checkAnswers(asked, [], false).problems).toEqual([]);
    expect(checkAnswers(asked, [{ questionId: 'rating', outcomeIndex: 0, values: ['3'] }], true).problems.map((p) => p.message)).toEqual([
      'Choose an answer to "I can now do this: Refer"',
    ]);
  });

  it('refuses an answer to a question not in the version, or to an outcome the course does not have', () => {
    const asked = askedQuestions([q(QuestionKind.RATING, { perOutcome: true })], ['Only one']);
    const { problems } = checkAnswers(
      asked,
      [
        { questionId: 'rating', outcomeIndex: 0, values: ['3'] },
        { questionId: 'rating', outcomeIndex: 1, values: ['3'] },
        { questionId: 'ghost', values: ['1'] },
      ],
      true,
    );
    expect(problems).toHaveLength(2);
    expect(problems.every((p) => p.message.includes('not on this survey'))).toBe(true);
  });

  it('leaves out an action-plan review when there is no plan to show', () => {
    expect(askedQuestions([q(QuestionKind.ACTION_PLAN_REVIEW)], [], false)).toEqual([]);
  });
});

describe('survey templates', () => {
  it('makes a new version only when the latest has been sent', () => {
    expect(editNeedsNewVersion(0)).toBe(false);
    expect(editNeedsNewVersion(1)).toBe(true);
  });

  it('refuses to make an answered anonymous template named, and allows the other way', () => {
    expect(modeChangeProblem(SurveyMode.ANONYMOUS, SurveyMode.IDENTIFIED, 1)).toMatch(/cannot be made named/);
    expect(modeChangeProblem(SurveyMode.ANONYMOUS, SurveyMode.IDENTIFIED, 0)).toBeNull();
    expect(modeChangeProblem(SurveyMode.IDENTIFIED, SurveyMode.ANONYMOUS, 5)).toBeNull();
  });

  it('names problems with questions by number; an action-plan review needs a named survey', () => {
    expect(
      templateProblems([q(QuestionKind.SINGLE_CHOICE, { options: ['Only'] }), q(QuestionKind.ACTION_PLAN_REVIEW)], SurveyMode.ANONYMOUS),
    ).toEqual([
      'Question 1: give at least two answers to choose from, one a line',
      'Question 2: an action plan can only be shown back on a named survey (not anonymous)',
    ]);
    expect(templateProblems([], SurveyMode.IDENTIFIED)).toEqual(['Add at least one question']);
    expect(
      templateProblems([q(QuestionKind.RATING, { confidence: true }), q(QuestionKind.YES_NO, { confidence: true })], SurveyMode.IDENTIFIED),
    ).toEqual(['Question 2: only a rating question can be the confidence now']);
  });

  it('ships default templates that pass their own rules', () => {
    for (const t of DEFAULT_SURVEY_TEMPLATES) {
      expect(templateProblems(t.questions, t.mode)).toEqual([]);
    }
  });
});
