import { formatLondonDateTime } from '@lh/domain';
import { compose, links, type MailContent, p } from './mail-layout';

// The mails about signing in: a one-time sign-in link, a link to choose a new password, a note
// that the password was changed, and (instead of either link) a note that the person's
// organisation signs them in with its own single sign-on.

interface Recipient {
  partnershipName: string;
  recipientName: string;
}

const NOT_YOU = 'If you did not ask for this, you can ignore this mail: nothing changes unless the link is used.';

export function signInLink(d: Recipient & { link: string; minutes: number }): MailContent {
  return compose({
    subject: 'Your link to sign in to Learning Hub',
    partnershipName: d.partnershipName,
    recipientName: d.recipientName,
    heading: 'Sign in to Learning Hub',
    body: [
      p('You asked for a link to sign in without your password.'),
      p(`The link works once, within ${d.minutes} minutes. Open it on the device where you want to be signed in.`),
    ],
    next: [links({ text: 'Sign in to Learning Hub', href: d.link }), p(NOT_YOU)],
  });
}

export function passwordReset(d: Recipient & { link: string; minutes: number }): MailContent {
  return compose({
    subject: 'Choose a new Learning Hub password',
    partnershipName: d.partnershipName,
    recipientName: d.recipientName,
    heading: 'Choose a new password',
    body: [
      p('You asked to reset your Learning Hub password.'),
      p(`The link works once, within ${d.minutes} minutes. When you choose a new password, you are signed out everywhere else.`),
    ],
    next: [links({ text: 'Choose a new password', href: d.link }), p(NOT_YOU)],
  });
}

export function passwordChanged(d: Recipient & { changedAt: Date; links: { forgotPassword: string } }): MailContent {
  return compose({
    subject: 'Your Learning Hub password was changed',
    partnershipName: d.partnershipName,
    recipientName: d.recipientName,
    heading: 'Your password was changed',
    body: [
      p(`The password for your Learning Hub account was changed at ${formatLondonDateTime(d.changedAt)}.`),
      p('Every other device and browser where you were signed in has been signed out.'),
    ],
    next: [
      p(
        'If you changed it, you do not need to do anything. If you did not, choose a new password straight away and tell the training team.',
      ),
      links({ text: 'Choose a new password', href: d.links.forgotPassword }),
    ],
  });
}

/** Sent instead of a sign-in or reset link to people whose organisation signs them in with its own account. */
export function useSingleSignOn(d: Recipient & { asked: 'sign-in-link' | 'password-reset'; links: { signIn: string } }): MailContent {
  return compose({
    subject: 'Sign in to Learning Hub with your organisation’s account',
    partnershipName: d.partnershipName,
    recipientName: d.recipientName,
    heading: 'Use your organisation’s single sign-on',
    body: [
      p(
        d.asked === 'sign-in-link'
          ? 'You asked for a link to sign in. Your organisation signs you in to Learning Hub with its own account, so we do not send sign-in links.'
          : 'You asked to reset your Learning Hub password. Your organisation signs you in to Learning Hub with its own account, so you do not need a Learning Hub password.',
      ),
    ],
    next: [
      p('Go to the sign-in page and choose to sign in with your organisation’s account.'),
      links({ text: 'Sign in to Learning Hub', href: d.links.signIn }),
      p(NOT_YOU),
    ],
  });
}
