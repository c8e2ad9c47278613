import { compose, links, p, type Block, type MailContent } from './mail-layout';

// The mails about certificates: one is issued (or a new one replaces the last), and one is revoked by a
// correction of the register.

/** What a certificate mail says about the certificate. */
export interface CertificateMailDetails {
  partnershipName: string;
  recipientName: string;
  courseTitle: string;
  /** The code as printed, in groups ("7KQ2-M9XD-..."). */
  code: string;
  /** "3 March 2026" */
  completedOn: string;
  contact: { email: string; phone: string };
}

const facts = (rows: [string, string][]): Block => ({ kind: 'facts', rows });

/** A certificate was issued: the course, its code, where to download it and where anyone can check it. */
export function certificateIssued(
  d: CertificateMailDetails & {
    /** "6 hours" */
    hours: string;
    /** "2 March 2029", or null when it does not expire. */
    expiresOn: string | null;
    /** True when it replaces an earlier certificate of the same course (which no longer verifies as valid). */
    replacesEarlier: boolean;
    links: { download: string; verify: string; certificates: string };
  },
): MailContent {
  return compose({
    subject: `Your certificate: ${d.courseTitle}`,
    partnershipName: d.partnershipName,
    recipientName: d.recipientName,
    heading: d.replacesEarlier ? 'You have a new certificate' : 'Your certificate is ready',
    body: [
      p(
        d.replacesEarlier
          ? `The register for ${d.courseTitle} was corrected, so we have issued you a new certificate. It replaces the one you had: use this one from now on.`
          : `You completed ${d.courseTitle} and your certificate is ready.`,
      ),
      facts([
        ['Course', d.courseTitle],
        ['Completed', d.completedOn],
        ['Time', d.hours],
        ['Certificate code', d.code],
        ...(d.expiresOn ? ([['Expires', d.expiresOn]] as [string, string][]) : []),
      ]),
      p('Anyone you show it to can check it is genuine: they scan the QR code on it, or type the code on the verification page.'),
    ],
    next: [
      p('Download your certificate (PDF) to keep or print. You need to sign in to download it.'),
      links(
        { text: 'Download your certificate', href: d.links.download },
        { text: 'Check this certificate', href: d.links.verify },
        { text: 'All your certificates', href: d.links.certificates },
      ),
      p(`If something on it is wrong, contact the training team at ${d.contact.email} or on ${d.contact.phone}.`),
    ],
  });
}

/** A certificate was revoked by a correction: which course, the coordinator's reason, what to do. */
export function certificateRevoked(d: CertificateMailDetails & { reason: string; links: { certificates: string } }): MailContent {
  return compose({
    subject: `Certificate withdrawn: ${d.courseTitle}`,
    partnershipName: d.partnershipName,
    recipientName: d.recipientName,
    heading: 'Your certificate has been withdrawn',
    body: [
      p(
        `The training team corrected the register for ${d.courseTitle} (completed ${d.completedOn}), and it no longer shows you completed the course.`,
      ),
      p(`So your certificate with the code ${d.code} has been withdrawn: anyone who checks it is told it was revoked.`),
      p(`The reason the training team gave:\n${d.reason}`),
    ],
    next: [
      p(
        `If you think this is a mistake, contact the training team at ${d.contact.email} or on ${d.contact.phone}: if the register is corrected again you will be sent a new certificate.`,
      ),
      p('If you still need this training, book another date.'),
      links({ text: 'Your certificates', href: d.links.certificates }),
    ],
  });
}
