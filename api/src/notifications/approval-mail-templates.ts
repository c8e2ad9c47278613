import { type Common, compose, describeDeadline, links, type MailContent, p, sessionFacts } from './mail-layout';

// The mails around a line manager's approval that go to others than the booker's manager's inbox:
// the practitioner is told whom we asked; the manager gets a record of what they decided.

export function approvalPending(d: Common & { managerEmail: string; deadline?: Date | null; links: { booking: string } }): MailContent {
  return compose({
    subject: `Waiting for approval: ${d.session.courseTitle}`,
    partnershipName: d.partnershipName,
    recipientName: d.recipientName,
    heading: 'We have asked your line manager to approve your booking',
    body: [
      p(
        `${d.session.courseTitle} needs your line manager's approval. We have sent the request to ${d.managerEmail}.` +
          (d.deadline ? ` Your place is held until ${describeDeadline(d.deadline)} while they decide.` : ''),
      ),
      sessionFacts(d.session),
    ],
    next: [
      p(
        'You do not need to do anything now. We will tell you their decision. If that is not your line manager, cancel the booking and book again with the right address.',
      ),
      links({ text: 'View your booking', href: d.links.booking }),
    ],
  });
}

export function approvalDecided(
  d: Common & { approved: boolean; practitionerName: string; reason?: string | null; links: { course: string } },
): MailContent {
  const decision = d.approved ? 'approved' : 'declined';
  return compose({
    subject: `You ${decision} ${d.practitionerName}'s booking: ${d.session.courseTitle}`,
    partnershipName: d.partnershipName,
    recipientName: d.recipientName,
    heading: `You ${decision} the booking`,
    body: [
      p(
        `You ${decision} ${d.practitionerName}'s booking on ${d.session.courseTitle}.` +
          (d.approved ? ' Their place is confirmed.' : ' The place has been released.'),
      ),
      ...(d.reason ? [p(`Your reason: ${d.reason}`)] : []),
      sessionFacts(d.session),
    ],
    next: [
      p('We have told them. The link in our earlier mail cannot be used again. If this was a mistake, contact the training team.'),
      links({ text: `About ${d.session.courseTitle}`, href: d.links.course }),
    ],
  });
}
