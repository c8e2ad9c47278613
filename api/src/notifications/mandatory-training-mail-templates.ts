import { formatLondonDate, formatLondonRange, londonToUtc, MandatoryStatus } from '@lh/domain';
import { compose, links, list, p, type MailContent } from './mail-layout';

// Reminders about mandatory training: a refresher falling due (TRAINING_DUE), and training overdue or
// expired (TRAINING_OVERDUE), each listing the sessions that would satisfy it.

export interface TrainingReminderDetails {
  partnershipName: string;
  recipientName: string;
  requirementName: string;
  status: MandatoryStatus;
  /** YYYY-MM-DD London dates, as the standing gives them. */
  validUntil: string | null;
  dueBy: string | null;
  sessions: { courseTitle: string; startsAt: Date; endsAt: Date; place: string; href: string }[];
  links: { mandatoryTraining: string; courses: string };
  contact: { email: string };
}

/** "Sunday 28 February 2027" for a London calendar date. */
const day = (date: string) => formatLondonDate(londonToUtc(date, '12:00'));

function sessionsBlocks(d: TrainingReminderDetails) {
  if (!d.sessions.length) {
    return [
      p('There are no dates to book at the moment: look at the courses again soon, or ask the training team.'),
      links({ text: 'Find a course', href: d.links.courses }),
    ];
  }
  return [
    p('Sessions you can book that would count:'),
    list(d.sessions.map((s) => `${s.courseTitle}: ${formatLondonRange(s.startsAt, s.endsAt)}, ${s.place}. Book at ${s.href}`)),
    links(...d.sessions.map((s) => ({ text: `Book ${s.courseTitle}, ${formatLondonRange(s.startsAt, s.endsAt)}`, href: s.href }))),
  ];
}

export function trainingDue(d: TrainingReminderDetails): MailContent {
  return compose({
    subject: `Refresher due: ${d.requirementName}`,
    partnershipName: d.partnershipName,
    recipientName: d.recipientName,
    heading: `Your ${d.requirementName} refresher is due`,
    body: [
      p(
        `Your ${d.requirementName} training is mandatory for your role and is valid until ${d.validUntil ? day(d.validUntil) : 'soon'}. Book a refresher before then so it does not expire.`,
      ),
      ...sessionsBlocks(d),
    ],
    next: [
      p('Book one of the sessions above, or see all your mandatory training.'),
      links({ text: 'Your mandatory training', href: d.links.mandatoryTraining }),
      p(`If you have already done this training elsewhere, tell the training team at ${d.contact.email}.`),
    ],
  });
}

export function trainingOverdue(d: TrainingReminderDetails): MailContent {
  const expired = d.status === MandatoryStatus.EXPIRED;
  return compose({
    subject: `${expired ? 'Expired' : 'Overdue'}: ${d.requirementName}`,
    partnershipName: d.partnershipName,
    recipientName: d.recipientName,
    heading: expired ? `Your ${d.requirementName} training has expired` : `Your ${d.requirementName} training is overdue`,
    body: [
      p(
        expired
          ? `Your ${d.requirementName} training is mandatory for your role. It was valid until ${d.validUntil ? day(d.validUntil) : 'recently'} and has now expired.`
          : `Your ${d.requirementName} training is mandatory for your role. New starters must complete it${d.dueBy ? ` by ${day(d.dueBy)}` : ''}, and we have no record of you completing it.`,
      ),
      ...sessionsBlocks(d),
    ],
    next: [
      p('Book one of the sessions above as soon as you can.'),
      links({ text: 'Your mandatory training', href: d.links.mandatoryTraining }),
      p(`If you have already done this training elsewhere, tell the training team at ${d.contact.email}.`),
    ],
  });
}
