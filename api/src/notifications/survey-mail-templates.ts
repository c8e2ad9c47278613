import { type MailContent, compose, links, list, p } from './mail-layout';

// The survey mails: the invitation to an attendee (the end-of-course evaluation, or an impact survey at 6 or
// 12 months), its reminders, and the line manager's invitation to say what they have seen change.

export type SurveyMailStage = 'END_OF_COURSE' | 'SIX_MONTHS' | 'TWELVE_MONTHS';

export interface SurveyMailDetails {
  partnershipName: string;
  recipientName: string;
  stage: SurveyMailStage;
  courseTitle: string;
  /** The London date of the session's last part, "Wednesday 2 December 2026". */
  sessionDate: string;
  /** The last day the survey can be answered, "Wednesday 23 December 2026". */
  closesOn: string;
  /** True when the answers are kept with no link to the person (the form says so too). */
  anonymous: boolean;
  links: { survey: string; yourSurveys: string; optOut: string | null };
}

export interface SurveyReminderDetails extends SurveyMailDetails {
  /** Which reminder this is (1 to 3) and how many there are at most. */
  reminder: number;
  reminders: number;
}

export interface ManagerSurveyDetails {
  partnershipName: string;
  practitionerName: string;
  stage: 'SIX_MONTHS' | 'TWELVE_MONTHS';
  courseTitle: string;
  sessionDate: string;
  closesOn: string;
  links: { survey: string };
}

const ago = (stage: SurveyMailStage) => (stage === 'SIX_MONTHS' ? '6 months' : '12 months');

function surveyName(stage: SurveyMailStage): string {
  return stage === 'END_OF_COURSE' ? 'evaluation' : `${ago(stage)} on survey`;
}

function askBody(d: SurveyMailDetails): ReturnType<typeof p>[] {
  const intro =
    d.stage === 'END_OF_COURSE'
      ? p(
          `Thank you for coming to ${d.courseTitle} on ${d.sessionDate}. Please tell us what you thought of it and what you will do differently: it takes about 5 minutes.`,
        )
      : p(
          `It is ${ago(d.stage)} since you went to ${d.courseTitle} on ${d.sessionDate}. Please tell us whether and how you have used what you learned: it takes about 5 minutes, and it shows the partnership whether its training makes a difference for children and families.`,
        );
  return [
    intro,
    list([
      `Course: ${d.courseTitle}`,
      `Open until: ${d.closesOn}`,
      d.anonymous
        ? 'Your answers are anonymous: they are kept with no link to you.'
        : 'Your answers are kept with your name, so they can be compared with your earlier answers.',
    ]),
  ];
}

function nextSteps(d: SurveyMailDetails): ReturnType<typeof p>[] {
  return [
    p('Open the survey with your personal link. It works on a phone without signing in; you can save a draft and come back to it.'),
    links({ text: `Answer the ${surveyName(d.stage)}`, href: d.links.survey }, { text: 'See all your surveys', href: d.links.yourSurveys }),
    ...(d.links.optOut
      ? [
          p('If you do not want surveys about your practice after training (at 6 and 12 months), you can stop them:'),
          links({ text: 'Stop impact surveys', href: d.links.optOut }),
        ]
      : []),
  ];
}

export function surveyInvitation(d: SurveyMailDetails): MailContent {
  return compose({
    subject:
      d.stage === 'END_OF_COURSE'
        ? `How was ${d.courseTitle}? Your evaluation`
        : `${ago(d.stage)} on: has ${d.courseTitle} changed your practice?`,
    partnershipName: d.partnershipName,
    recipientName: d.recipientName,
    heading: d.stage === 'END_OF_COURSE' ? 'Tell us about your training' : `${ago(d.stage)} on from your training`,
    body: askBody(d),
    next: nextSteps(d),
  });
}

export function surveyReminder(d: SurveyReminderDetails): MailContent {
  return compose({
    subject: `Reminder: your ${surveyName(d.stage)} for ${d.courseTitle} closes on ${d.closesOn}`,
    partnershipName: d.partnershipName,
    recipientName: d.recipientName,
    heading: `A reminder about your ${surveyName(d.stage)}`,
    body: [
      p(
        `We have not had your answers yet. This is reminder ${d.reminder} of ${d.reminders}; after the last one the survey closes on ${d.closesOn}.`,
      ),
      ...askBody(d),
    ],
    next: nextSteps(d),
  });
}

export function surveyManagerInvitation(d: ManagerSurveyDetails): MailContent {
  return compose({
    subject: `${d.practitionerName}'s training ${ago(d.stage)} on: what have you seen?`,
    partnershipName: d.partnershipName,
    recipientName: 'line manager',
    heading: `${d.practitionerName}'s training, ${ago(d.stage)} on`,
    body: [
      p(
        `${d.practitionerName} named you as their line manager when they booked ${d.courseTitle}, which they went to on ${d.sessionDate}. Please tell us what change you have seen in their practice, and any evidence from supervision: it takes about 5 minutes.`,
      ),
      list([`Course: ${d.courseTitle}`, `Open until: ${d.closesOn}`]),
    ],
    next: [
      p('Open the survey with this link. You do not need an account.'),
      links({ text: 'Answer the line manager survey', href: d.links.survey }),
    ],
  });
}
