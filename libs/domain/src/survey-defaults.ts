import { QuestionKind as K, SurveyAudience, SurveyMeasure as M, SurveyMode, SurveyStage, type SurveyQuestion } from './surveys';

/** A default template for safeguarding training: made once at start-up (by its key), then edited like any other. */
export interface DefaultSurveyTemplate {
  key: string;
  name: string;
  stage: SurveyStage;
  audience: SurveyAudience;
  mode: SurveyMode;
  questions: SurveyQuestion[];
}

const q = (id: string, kind: K, text: string, measures: M, more: Partial<SurveyQuestion> = {}): SurveyQuestion => ({
  id,
  kind,
  text,
  measures,
  required: true,
  perOutcome: false,
  ...more,
});

const agree = { lowLabel: 'Strongly disagree', highLabel: 'Strongly agree' };
const confident = { lowLabel: 'Not at all confident', highLabel: 'Very confident' };

const impactQuestions = (): SurveyQuestion[] => [
  q('used', K.YES_NO, 'Have you used what you learned on the course in your work?', M.BEHAVIOUR),
  q('how-often', K.SINGLE_CHOICE, 'How often have you used it?', M.BEHAVIOUR, {
    options: ['Every week', 'Every month', 'Once or twice', 'Not yet'],
  }),
  q('example', K.LONG_TEXT, 'Give an example of something you did differently because of the course', M.BEHAVIOUR, {
    required: false,
    hint: 'Do not include names or details that could identify a child or family.',
  }),
  q('confidence-now', K.RATING, 'How confident are you now in the subject of the course?', M.LEARNING, { ...confident, confidence: true }),
  q('barriers', K.LONG_TEXT, 'What, if anything, has made it hard to use what you learned?', M.BEHAVIOUR, { required: false }),
  q('difference', K.LONG_TEXT, 'What difference has it made for the children and families you work with?', M.BEHAVIOUR, {
    required: false,
    hint: 'Do not include names or details that could identify a child or family.',
  }),
  q('action-plan-review', K.ACTION_PLAN_REVIEW, 'At the end of the course you said you would do this. Have you done it?', M.BEHAVIOUR),
];

const managerQuestions = (): SurveyQuestion[] => [
  q('change-seen', K.RATING, 'I have seen a change in their practice since the course', M.BEHAVIOUR, agree),
  q('change-example', K.LONG_TEXT, 'What change have you seen in their practice?', M.BEHAVIOUR, {
    required: false,
    hint: 'Do not include names or details that could identify a child or family.',
  }),
  q('supervision', K.LONG_TEXT, 'What evidence of the learning has come up in supervision?', M.BEHAVIOUR, { required: false }),
];

export const DEFAULT_SURVEY_TEMPLATES: DefaultSurveyTemplate[] = [
  {
    key: 'safeguarding-end-of-course',
    name: 'Safeguarding training: end of course',
    stage: SurveyStage.END_OF_COURSE,
    audience: SurveyAudience.ATTENDEE,
    mode: SurveyMode.IDENTIFIED,
    questions: [
      q('relevance', K.RATING, 'The course was relevant to my role', M.REACTION, agree),
      q('trainer', K.RATING, 'The trainer knew the subject and explained it well', M.REACTION, agree),
      q('materials', K.RATING, 'The materials and the venue or online room were accessible to me', M.REACTION, agree),
      q('outcomes-met', K.RATING, 'I can now do this', M.LEARNING, { ...agree, perOutcome: true }),
      q('confidence', K.CONFIDENCE_PAIR, 'How confident were you before the course, and how confident are you now?', M.LEARNING, confident),
      q('action-plan', K.LONG_TEXT, 'What will you do differently in your work because of this course?', M.BEHAVIOUR, {
        actionPlan: true,
        hint: 'This is your action plan. We will show it back to you in 6 months.',
      }),
      q('comments', K.LONG_TEXT, 'Anything else you would like to tell us about the course?', M.REACTION, { required: false }),
    ],
  },
  {
    key: 'safeguarding-six-months',
    name: 'Safeguarding training: 6 months after',
    stage: SurveyStage.SIX_MONTHS,
    audience: SurveyAudience.ATTENDEE,
    mode: SurveyMode.IDENTIFIED,
    questions: impactQuestions(),
  },
  {
    key: 'safeguarding-twelve-months',
    name: 'Safeguarding training: 12 months after',
    stage: SurveyStage.TWELVE_MONTHS,
    audience: SurveyAudience.ATTENDEE,
    mode: SurveyMode.IDENTIFIED,
    questions: [
      ...impactQuestions(),
      q('lasted', K.LONG_TEXT, 'What from the course has lasted in your practice a year on?', M.BEHAVIOUR, { required: false }),
    ],
  },
  {
    key: 'safeguarding-six-months-manager',
    name: 'Safeguarding training: 6 months after (line manager)',
    stage: SurveyStage.SIX_MONTHS,
    audience: SurveyAudience.LINE_MANAGER,
    mode: SurveyMode.IDENTIFIED,
    questions: managerQuestions(),
  },
  {
    key: 'safeguarding-twelve-months-manager',
    name: 'Safeguarding training: 12 months after (line manager)',
    stage: SurveyStage.TWELVE_MONTHS,
    audience: SurveyAudience.LINE_MANAGER,
    mode: SurveyMode.IDENTIFIED,
    questions: managerQuestions(),
  },
];
