import type { EntityManager } from '@mikro-orm/postgresql';
import {
  QuestionKind,
  SURVEY_OPEN_DAYS,
  SurveyAudience,
  SurveyInvitationStatus,
  SurveyStage,
  askedQuestions,
  checkAnswers,
  impactSurveyDueAt,
  nextSurveyReminderAt,
  outcomeCompletes,
  type AnswerInput,
  type AskedQuestion,
  type StoredAnswer,
} from '@lh/domain';
import { AttendanceOutcome } from '../registers/attendance-outcome.entity';
import type { Booking } from '../booking/booking.entity';
import { CourseSurveySettings } from '../surveys/course-survey-settings.entity';
import { ensureDefaultSurveyTemplates } from '../surveys/survey-defaults';
import { SurveyInvitation } from '../surveys/survey-invitation.entity';
import { recordSurveyResponse } from '../surveys/survey-responses';
import { SurveySchedule, SurveyScheduleStatus } from '../surveys/survey-schedule.entity';
import type { SurveyTemplateVersion } from '../surveys/survey-template.entity';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const IMPACT = [SurveyStage.SIX_MONTHS, SurveyStage.TWELVE_MONTHS] as const;

/** Same generator as demo-registers (its own seed), so the rest of the demo's random choices stay as they were. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
type Rng = () => number;
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
/** A 1-5 rating from weights for 1, 2, 3, 4 and 5. */
const weighted = (rng: Rng, weights: readonly number[]): number => {
  let r = rng() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < weights.length; i++) {
    r -= weights[i]!;
    if (r < 0) {
      return i + 1;
    }
  }
  return weights.length;
};
const GOOD = [0, 1, 6, 38, 55];
const BEFORE = [8, 40, 42, 10, 0];
const AFTER = [0, 0, 6, 52, 42];
const LATER = [0, 2, 22, 48, 28];

// Short answers in practitioners' words: no names or details of children or families. `A|B|text`: only for a course
// whose title has A or B in it.
const ACTION_PLANS = [
  'I will check the threshold document before every referral I make.',
  'GCP2|Use the Graded Care Profile with the families on my caseload where neglect is a worry.',
  'Ask about home life more directly at every contact, and record what I am told in the child’s own words.',
  'DASH|Domestic Abuse|Share the DASH checklist with my team and use it whenever domestic abuse is disclosed.',
  'Speak to our designated safeguarding lead sooner instead of waiting to be sure.',
  'Include the voice of the child in every assessment I write.',
  'Safer sleep|Talk to parents about safer sleep at every new birth visit, not just the first.',
  'Contextual|Online|Look at the wider context (friendships, places, online) when a young person goes missing.',
  'Book supervision to go through two cases with my manager using the tools from the course.',
  'Challenge disguised compliance and check what parents tell me against what I see.',
  'Follow up every referral I make within a week to find out what happened.',
  'Use the local escalation policy when I disagree with a decision on a case.',
];
const COMMENTS = [
  'Really practical, with plenty of time to discuss real situations.',
  'The case studies were very close to what I see in my work.',
  'More time on the local referral pathway would have helped.',
  'Good mix of agencies in the room: I learned a lot from the police and health colleagues.',
  'The trainer was knowledgeable and made a hard subject easy to talk about.',
  'The room was too warm, but the content was excellent.',
  'I would like a follow-up session in a year.',
];
const EXAMPLES = [
  'I now check the threshold document before every referral.',
  'GCP2|I used the Graded Care Profile with a family and it helped the parents see what needed to change.',
  'DASH|Domestic Abuse|I asked routine questions about domestic abuse at a home visit and the parent disclosed, so I made a referral the same day.',
  'I escalated a case using the escalation policy when I was not happy with the response.',
  'Safer sleep|I shared a safer sleep leaflet and talked it through with new parents.',
  'Contextual|Online|I raised a concern about a young person’s new older friends with the contextual safeguarding team.',
  'I wrote the child’s own words into my assessment instead of my summary of them.',
  'I went back to a family after a missed appointment instead of just closing the case.',
];
const BARRIERS = [
  'Caseloads are high, so finding time to use the tools properly is hard.',
  'Other agencies do not always know the tool, so I have had to explain it.',
  'I have not had a case where it applied yet.',
  'Staff changes in my team mean we have not agreed how to use it together.',
];
const DIFFERENCES = [
  'Referrals I make are clearer, so families get the right help sooner.',
  'Parents say they understand better why we are worried and what needs to change.',
  'Young people have told me they felt listened to.',
  'GCP2|neglect|We have picked up neglect earlier in two families and put support in before it got worse.',
  'Fewer of my referrals are sent back asking for more information.',
];
const LASTED = [
  'Being professionally curious: I ask the second question now.',
  'Checking the threshold document is now a habit for the whole team.',
  'Always recording the voice of the child.',
  'DASH|Domestic Abuse|Using the risk checklist every time domestic abuse comes up.',
];
const MANAGER_EXAMPLES = [
  'Their referrals are more focused and clearly evidence the risk.',
  'They now bring cases to supervision with the tool already completed.',
  'They challenge other agencies more confidently in meetings.',
  'They have shared what they learned at a team meeting.',
];
const SUPERVISION = [
  'We have discussed two cases where they used the approach from the course.',
  'They reflected on a case where they would now act sooner.',
  'It has come up in every supervision since: they refer back to the course materials.',
];

const GCP2 = /Graded Care Profile/;
/** One of `items` that fits the course, not the same as the last one picked from them. */
function text(rng: Rng, items: readonly string[], course: string, last: Map<readonly string[], string>): string {
  const fits = items.flatMap((item) => {
    const [words, only] = [item.split('|'), item.split('|').slice(0, -1)];
    const ok = !only.length || only.some((w) => (w === 'GCP2' ? GCP2.test(course) : course.toLowerCase().includes(w.toLowerCase())));
    return ok ? [words[words.length - 1]!] : [];
  });
  const fresh = fits.filter((t) => t !== last.get(items));
  const chosen = pick(rng, fresh.length ? fresh : fits);
  last.set(items, chosen);
  return chosen;
}

/** The answer a practitioner gives to one place on the form, as the form sends it (null: left blank). */
function answerTo(
  rng: Rng,
  a: AskedQuestion,
  used: boolean,
  state: { before: number; course: string; last: Map<readonly string[], string> },
): string[] | null {
  const q = a.question;
  const sometimes = (share: number, items: readonly string[]) => (rng() < share ? [text(rng, items, state.course, state.last)] : null);
  switch (q.id) {
    case 'action-plan':
      return [text(rng, ACTION_PLANS, state.course, state.last)];
    case 'comments':
      return sometimes(0.45, COMMENTS);
    case 'confidence':
      return [String(state.before), String(Math.max(state.before, weighted(rng, AFTER)))];
    case 'used':
      return [used ? 'yes' : 'no'];
    case 'how-often':
      return [used ? pick(rng, ['Every week', 'Every month', 'Every month', 'Once or twice']) : 'Not yet'];
    case 'example':
      return used ? sometimes(0.75, EXAMPLES) : null;
    case 'confidence-now':
      return [String(weighted(rng, LATER))];
    case 'barriers':
      return sometimes(used ? 0.25 : 0.7, BARRIERS);
    case 'difference':
      return used ? sometimes(0.5, DIFFERENCES) : null;
    case 'action-plan-review':
      return [used ? pick(rng, ['DONE', 'DONE', 'DONE', 'PARTLY', 'PARTLY', 'NOT_YET']) : pick(rng, ['PARTLY', 'NOT_YET'])];
    case 'lasted':
      return sometimes(0.5, LASTED);
    case 'change-seen':
      return [String(weighted(rng, [0, 1, 4, 10, 6]))];
    case 'change-example':
      return sometimes(0.8, MANAGER_EXAMPLES);
    case 'supervision':
      return sometimes(0.6, SUPERVISION);
  }
  // ratings (relevance, trainer, materials, each learning outcome met); anything else is left blank
  return q.kind === QuestionKind.RATING ? [String(weighted(rng, GOOD))] : null;
}

/**
 * Surveys for the demo's past sessions, as the survey delivery would have left them: every place whose
 * outcome completes the course was invited to the end-of-course evaluation when the register was signed off
 * (most answered, some closed unanswered, recent ones still open), and had its 6- and 12-month surveys
 * scheduled; those now due were sent at their time (about half answered, with the end-of-course action plan
 * shown back), and the line managers of a course that asks them (booked with the manager's address) were
 * asked too. The default templates are made here when missing (the seed runs before the app starts), the
 * same way and by the same keys as at start-up. Answers go through `checkAnswers`, as a submitted form does.
 * Call it after the rest of the demo is flushed, in the same transaction.
 */
export async function seedDemoSurveys(seedEm: EntityManager, now: Date): Promise<{ invitations: number; responses: number }> {
  // the seed's own transaction with an empty identity map: flushing (and the auto-flush before each query) then
  // looks only at what is made here, not at the thousands of demo entities written before (10 s instead of 1 s)
  const em = seedEm.fork({ keepTransactionContext: true, clear: true });
  const rng = lcg(20261213);
  const byKey = await ensureDefaultSurveyTemplates(em, new Date(now.getTime() - 420 * DAY_MS));
  const templates = [...byKey.values()];
  const versionFor = (stage: SurveyStage, audience: SurveyAudience): SurveyTemplateVersion =>
    templates.find((v) => v.template.stage === stage && v.template.audience === audience)!;

  const outcomes = (await em.find(AttendanceOutcome, {}, { populate: ['booking.agency', 'session.course', 'person'] }))
    .filter((o) => outcomeCompletes(o.outcome, o.session.course))
    .sort((a, b) => a.session.startsAt.getTime() - b.session.startsAt.getTime() || a.person.email.localeCompare(b.person.email));

  // the courses that need a manager's approval also ask the line manager how practice changed
  const managerCourses = new Set(outcomes.map((o) => o.session.course).filter((c) => c.requiresApproval));
  for (const course of managerCourses) {
    em.create(CourseSurveySettings, { course, sendManagerSurveys: true });
  }

  let invitations = 0;
  let responses = 0;
  const invite = (booking: Booking, stage: SurveyStage, audience: SurveyAudience, at: Date, actionPlanText: string | null) => {
    const version = versionFor(stage, audience);
    const expiresAt = new Date(at.getTime() + SURVEY_OPEN_DAYS[stage] * DAY_MS);
    invitations++;
    return em.create(SurveyInvitation, {
      booking,
      session: booking.session,
      stage,
      audience,
      person: booking.person,
      managerEmail: audience === SurveyAudience.LINE_MANAGER ? booking.managerEmail : null,
      templateVersion: version,
      createdAt: at,
      expiresAt,
      actionPlanText,
    });
  };
  /** Answered at `answerAt` when that is before the survey closed and before now; otherwise reminded, then closed or still open. */
  const settle = (invitation: SurveyInvitation, answerAt: Date | null, answers: () => StoredAnswer[]): StoredAnswer[] | null => {
    const end =
      answerAt && answerAt < invitation.expiresAt && answerAt < now ? answerAt : invitation.expiresAt < now ? invitation.expiresAt : now;
    let sent = 0;
    for (let next = nextSurveyReminderAt(invitation.createdAt, 0, invitation.expiresAt); next && next < end;) {
      invitation.lastRemindedAt = next;
      next = nextSurveyReminderAt(invitation.createdAt, ++sent, invitation.expiresAt);
    }
    invitation.reminderCount = sent;
    if (end === answerAt) {
      const stored = answers();
      recordSurveyResponse(em, invitation, stored, answerAt);
      responses++;
      return stored;
    }
    if (end === invitation.expiresAt) {
      invitation.status = SurveyInvitationStatus.CLOSED;
      invitation.closedAt = invitation.expiresAt;
    } else {
      invitation.nextReminderAt = nextSurveyReminderAt(invitation.createdAt, sent, invitation.expiresAt);
    }
    return null;
  };
  const last = new Map<readonly string[], string>();
  /** What the person (or their manager) sends, checked as the form checks it. */
  const answersFor = (invitation: SurveyInvitation, used: boolean): StoredAnswer[] => {
    const asked = askedQuestions(
      invitation.templateVersion.questions,
      invitation.session.course.learningOutcomes,
      !!invitation.actionPlanText,
    );
    const state = { before: weighted(rng, BEFORE), course: invitation.session.course.title, last };
    const input: AnswerInput[] = asked.flatMap((a) => {
      const values = answerTo(rng, a, used, state);
      return values ? [{ questionId: a.question.id, outcomeIndex: a.outcomeIndex, values }] : [];
    });
    const checked = checkAnswers(asked, input, true);
    if (checked.problems.length) {
      throw new Error(`Demo survey answers do not fit the form: ${checked.problems.map((p) => p.message).join('; ')}`);
    }
    return checked.answers;
  };
  const after = (at: Date, maxDays: number) => new Date(at.getTime() + HOUR_MS * (2 + Math.floor(rng() * maxDays * 9)));

  for (const o of outcomes) {
    const booking = o.booking;
    const evaluation = invite(booking, SurveyStage.END_OF_COURSE, SurveyAudience.ATTENDEE, o.decidedAt, null);
    const answered = settle(evaluation, rng() < 0.84 ? after(o.decidedAt, 6) : null, () => answersFor(evaluation, true));
    const plan = answered?.find((a) => a.questionId === 'action-plan')?.value;
    const actionPlanText = typeof plan === 'string' ? plan : null;

    for (const stage of IMPACT) {
      const dueAt = impactSurveyDueAt(o.session.endsAt, stage);
      const due = dueAt <= now;
      em.create(SurveySchedule, {
        booking,
        stage,
        dueAt,
        status: due ? SurveyScheduleStatus.SENT : SurveyScheduleStatus.WAITING,
        doneAt: due ? dueAt : null,
      });
      if (!due) {
        continue;
      }
      const used = rng() < 0.82;
      const impact = invite(booking, stage, SurveyAudience.ATTENDEE, dueAt, actionPlanText);
      settle(impact, rng() < (stage === SurveyStage.SIX_MONTHS ? 0.6 : 0.45) ? after(dueAt, 20) : null, () => answersFor(impact, used));
      if (managerCourses.has(o.session.course) && booking.managerEmail) {
        const manager = invite(booking, stage, SurveyAudience.LINE_MANAGER, dueAt, null);
        settle(manager, rng() < 0.4 ? after(dueAt, 20) : null, () => answersFor(manager, used));
      }
    }
  }
  await em.flush();
  return { invitations, responses };
}
