import { type MailContent, compose, links, list, p } from './mail-layout';

// The mail about a training record: a coordinator's decision on learning done elsewhere.

export interface ExternalLearningDecidedDetails {
  partnershipName: string;
  recipientName: string;
  learning: { title: string; provider: string; completedOn: string; hours: string };
  /** Null when verified; the coordinator's reason when not accepted. */
  rejectionReason: string | null;
  contact: { email: string };
  links: { record: string };
}

export function externalLearningDecided(d: ExternalLearningDecidedDetails): MailContent {
  const verified = d.rejectionReason === null;
  const facts = list([
    `Course: ${d.learning.title}`,
    `Provider: ${d.learning.provider}`,
    `Completed: ${d.learning.completedOn}`,
    `Hours: ${d.learning.hours}`,
  ]);
  return compose({
    subject: verified ? `Added to your training record: ${d.learning.title}` : `Not added to your training record: ${d.learning.title}`,
    partnershipName: d.partnershipName,
    recipientName: d.recipientName,
    heading: verified ? 'Your learning has been added to your record' : 'Your learning was not added to your record',
    body: verified
      ? [
          p('A coordinator has checked the evidence of the learning you did elsewhere and added it to your training record:'),
          facts,
          p('Your record shows it as "External, evidence seen".'),
        ]
      : [
          p('A coordinator has looked at the learning you did elsewhere and could not add it to your training record:'),
          facts,
          p(`Their reason: ${d.rejectionReason}`),
        ],
    next: [
      verified
        ? p('There is nothing more you need to do.')
        : p(
            `If you can send better evidence, add the learning again with it. If you have questions, contact the training team at ${d.contact.email}.`,
          ),
      links({ text: 'See your training record', href: d.links.record }),
    ],
  });
}
