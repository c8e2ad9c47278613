import { compose, links, p, sessionFacts, type MailContent, type SessionDetails } from './mail-layout';

/**
 * To a walk-in a trainer made an account for: they were added at the door, their attendance is on
 * their record, and how to claim the account (choose a password with the link, or sign in with their
 * organisation's account when it uses single sign-on).
 */
export function walkInAdded(d: {
  partnershipName: string;
  recipientName: string;
  trainerName: string;
  email: string;
  session: SessionDetails;
  /** The link's expiry, in words; null when the account is claimed by single sign-on. */
  expiresAt: string | null;
  links: { claim: string | null; signIn: string; forgotPassword: string };
}): MailContent {
  const next = d.links.claim
    ? [
        p(`Claim your account by choosing a password. The link works once, until ${d.expiresAt ?? 'it expires'}.`),
        links({ text: 'Claim your account', href: d.links.claim }),
        p(
          'If the link has expired, choose "Forgot your password?" on the sign-in page and enter this email address: we will send you a new one.',
        ),
        links({ text: 'Forgot your password?', href: d.links.forgotPassword }),
      ]
    : [
        p('Your organisation signs you in with its own account: choose its single sign-on on the sign-in page. That claims your account.'),
        links({ text: 'Sign in to Learning Hub', href: d.links.signIn }),
      ];
  return compose({
    subject: `You were added to ${d.session.courseTitle}: claim your Learning Hub account`,
    partnershipName: d.partnershipName,
    recipientName: d.recipientName,
    heading: 'You were added to a session at the door',
    body: [
      p(`${d.trainerName} added you to this session at the door and marked you as there, so your attendance is on your training record.`),
      sessionFacts(d.session),
      p(
        `To do that they made you an account on Learning Hub, where you book the partnership's safeguarding training and keep your training record. You will sign in with this email address: ${d.email}.`,
      ),
    ],
    next: [
      ...next,
      p('If you were not at this session, you can ignore this mail, or tell the training team so they can correct the register.'),
    ],
  });
}
