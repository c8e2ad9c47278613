import { SubmitSurveyDocument, SurveyFormDocument } from '@lh/graphql-client';
import type { Person } from './register-support';
import { api, waitForMail } from './support';

/**
 * Each person answers the end-of-course evaluation from the personal link in their mail, as they would: every
 * required question and every free-text one. The i-th person rates 5 and gives confidence 2+i before and 4+i
 * after; `actionPlan(i)` is their action plan, `comment` their other free text.
 */
export async function answerEvaluations(people: Person[], actionPlan: (i: number) => string, comment: string): Promise<void> {
  for (const [i, person] of people.entries()) {
    const mail = await waitForMail(person.email, /Your evaluation$/);
    const token = /https?:\/\/\S+\/surveys\/(?!opt-out)([\w.-]+)/.exec(mail.text)![1]!;
    const { surveyForm } = (await api()(SurveyFormDocument, { token })).data;
    const answers = surveyForm.questions
      .filter((q) => q.required || q.kind === 'LONG_TEXT')
      .map((q) => ({
        questionId: q.questionId,
        outcomeIndex: q.outcomeIndex,
        values:
          q.kind === 'CONFIDENCE_PAIR'
            ? [String(2 + i), String(4 + i)]
            : q.kind === 'RATING'
              ? ['5']
              : q.questionId === 'action-plan'
                ? [actionPlan(i)]
                : [comment],
      }));
    const submitted = await api()(SubmitSurveyDocument, { token, answers });
    if (submitted.data.submitSurvey.status !== 'SUBMITTED') {
      throw new Error(`${person.name}'s evaluation was not taken: ${submitted.data.submitSurvey.status}`);
    }
  }
}
