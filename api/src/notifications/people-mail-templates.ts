import { compose, links, type MailContent, p } from './mail-layout';

// Mails a coordinator's management of people sends: the invitation to set a password on an account
// the training team added.

export function accountInvited(d: {
  partnershipName: string;
  recipientName: string;
  invitedBy: string;
  email: string;
  expiresAt: string;
  links: { setPassword: string };
}): MailContent {
  return compose({
    subject: `You have an account on ${d.partnershipName}'s Learning Hub`,
    partnershipName: d.partnershipName,
    recipientName: d.recipientName,
    heading: 'Set a password to start using Learning Hub',
    body: [
      p(
        `${d.invitedBy} from the training team has made you an account on Learning Hub, where you book the partnership's safeguarding training and keep your training record.`,
      ),
      p(`You will sign in with this email address: ${d.email}.`),
    ],
    next: [
      p(`Choose a password using the link below. It works once, until ${d.expiresAt}.`),
      links({ text: 'Set your password', href: d.links.setPassword }),
      p('If the link has expired, ask the training team to send you a new one. If you did not expect this mail, you can ignore it.'),
    ],
  });
}
