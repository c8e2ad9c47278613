/**
 * Training records: what counts as having completed a piece of learning. Pure rules: the api (records,
 * certificates, mandatory training) and the web app use them.
 */
import { CourseOutcome } from './register-rules';

/** Where a completion comes from. */
export enum CompletionSource {
  /** A session of the partnership's programme: a signed-off register gave the person "attended". */
  SESSION = 'SESSION',
  /** Learning done elsewhere, recorded by the practitioner and verified by a coordinator. */
  EXTERNAL = 'EXTERNAL',
  /** E-learning, from the e-learning provider's export of completions. */
  E_LEARNING = 'E_LEARNING',
}

export const completionSourceLabels: Record<`${CompletionSource}`, string> = {
  [CompletionSource.SESSION]: 'Attended',
  [CompletionSource.EXTERNAL]: 'External, evidence seen',
  [CompletionSource.E_LEARNING]: 'E-learning',
};

/**
 * Whether a session outcome completes the course: "attended" always; "partly attended" only where the
 * course says partial attendance counts. Nothing else does.
 */
export function outcomeCompletes(outcome: `${CourseOutcome}`, course: { partlyAttendedCompletes: boolean }): boolean {
  return outcome === CourseOutcome.ATTENDED || (outcome === CourseOutcome.PARTLY_ATTENDED && course.partlyAttendedCompletes);
}
