import { formatPounds } from '@lh/domain';
import { type Common, compose, links, type MailContent, p, sessionFacts } from './mail-layout';

// The mails that follow a register: telling someone the register shows they did not attend, and the
// copy their line manager gets where the agency asks for it.

/** What the agency may be charged for the place, when the policy charges its type. */
export interface ChargeNotice {
  agencyName: string;
  amountPence: number;
  perDayPence: number;
  days: number;
}

interface NonAttendanceDetails extends Common {
  charge: ChargeNotice | null;
  contact: { email: string; phone: string };
  links: { course: string };
}

const chargeSentence = (c: ChargeNotice, whose: string) =>
  p(
    `Under the partnership's non-attendance policy, ${whose}, ${c.agencyName}, may be charged ${formatPounds(c.amountPence)} for the place` +
      (c.days > 1 ? ` (${formatPounds(c.perDayPence)} a day for ${c.days} days).` : '.'),
  );

export function nonAttendance(d: NonAttendanceDetails): MailContent {
  return compose({
    subject: `You did not attend: ${d.session.courseTitle}`,
    partnershipName: d.partnershipName,
    recipientName: d.recipientName,
    heading: 'Our records show you did not attend',
    body: [
      p(`The register for ${d.session.courseTitle} shows that you did not attend the session you had a place on:`),
      sessionFacts(d.session),
      d.charge
        ? chargeSentence(d.charge, 'your agency')
        : p('Places are in demand: when you cannot come, please cancel in good time so someone else can have yours.'),
    ],
    next: [
      p(
        `If you did attend, or could not come for a reason the training team should know about, contact them at ${d.contact.email} or on ${d.contact.phone}.`,
      ),
      p('If you still need this training, book another date.'),
      links({ text: `Book another date of ${d.session.courseTitle}`, href: d.links.course }),
    ],
  });
}

export function nonAttendanceManagerCopy(d: NonAttendanceDetails & { practitionerName: string; agencyName: string }): MailContent {
  return compose({
    subject: `Did not attend: ${d.practitionerName}, ${d.session.courseTitle}`,
    partnershipName: d.partnershipName,
    recipientName: d.recipientName,
    heading: `${d.practitionerName} did not attend their training`,
    body: [
      p(
        `You are getting this copy as ${d.practitionerName}'s line manager: ${d.agencyName} asks for line managers to be told when one of their staff does not attend training.`,
      ),
      p(`The register for ${d.session.courseTitle} shows that ${d.practitionerName} did not attend the session they had a place on:`),
      sessionFacts(d.session),
      ...(d.charge ? [chargeSentence(d.charge, 'their agency')] : []),
    ],
    next: [
      p(`Please talk to ${d.practitionerName} about booking another date if they still need this training.`),
      p(`If you have questions, contact the training team at ${d.contact.email} or on ${d.contact.phone}.`),
      links({ text: `Dates for ${d.session.courseTitle}`, href: d.links.course }),
    ],
  });
}
