import { compose, links, type MailContent, p } from './mail-layout';

// The mails of registering for an account and of the coordinators' decisions on registrations and
// agency requests. None is about a session, so they take the partnership and the recipient only.

export interface AccountMailCommon {
  partnershipName: string;
  recipientName: string;
  /** The training team's address, for people who need to ask. */
  contactEmail: string;
}

export function accountVerify(d: AccountMailCommon & { hoursValid: number; links: { confirm: string; resend: string } }): MailContent {
  return compose({
    subject: 'Confirm your email address for Learning Hub',
    partnershipName: d.partnershipName,
    recipientName: d.recipientName,
    heading: 'Confirm your email address',
    body: [
      p(`You registered for a Learning Hub account with this address. Confirm it's yours by opening the link below.`),
      p(
        `The link works once, for ${d.hoursValid} hours. If you did not register, ignore this mail: the account cannot be used until the address is confirmed.`,
      ),
    ],
    next: [
      links({ text: 'Confirm your email address', href: d.links.confirm }),
      p('If the link has expired, ask for a new one:'),
      links({ text: 'Send the link again', href: d.links.resend }),
    ],
  });
}

/**
 * To an address someone registered with when it already has an account (the registration page says
 * the same as for a new one, so nobody learns whether an account exists): what to do instead.
 */
export function accountExists(
  d: AccountMailCommon & {
    situation: 'ACTIVE' | 'UNVERIFIED' | 'PENDING_APPROVAL' | 'PROVISIONAL' | 'CLOSED';
    links: { signIn: string; confirm?: string | null; claim?: string | null };
  },
): MailContent {
  const body = [
    p(
      'Someone, probably you, just registered for Learning Hub with this address. There is already an account for it, so we have not made another.',
    ),
  ];
  let next;
  switch (d.situation) {
    case 'ACTIVE':
      next = [
        p(
          'Sign in with your email address and password. If you do not remember your password, choose "Forgot your password?" on the sign-in page.',
        ),
        links({ text: 'Sign in to Learning Hub', href: d.links.signIn }),
      ];
      break;
    case 'UNVERIFIED':
      body.push(
        p('That account is waiting for its address to be confirmed. Confirm it with the link below (it works once, for 24 hours).'),
      );
      next = [
        links(d.links.confirm ? { text: 'Confirm your email address', href: d.links.confirm } : null, {
          text: 'Sign in to Learning Hub',
          href: d.links.signIn,
        }),
        p(
          'Then sign in with the password you chose the first time. If you do not remember it, choose "Forgot your password?" on the sign-in page.',
        ),
      ];
      break;
    case 'PENDING_APPROVAL':
      body.push(p('That account is waiting for the training team to approve it. We will email you when they have.'));
      next = [
        p(`You do not need to register again. If you have a question, email the training team at ${d.contactEmail}.`),
        links({ text: 'Sign in to Learning Hub', href: d.links.signIn }),
      ];
      break;
    case 'PROVISIONAL':
      body.push(p('A trainer made that account for you when you were added to a session at the door. It has no password yet.'));
      next = [
        p('Claim it by choosing a password with the link below (it works once, for 7 days). Your training so far is already in it.'),
        links(d.links.claim ? { text: 'Claim your account', href: d.links.claim } : null, {
          text: 'Sign in to Learning Hub',
          href: d.links.signIn,
        }),
      ];
      break;
    case 'CLOSED':
      next = [
        p(`That account cannot be used at the moment. Email the training team at ${d.contactEmail} if you need it.`),
        links({ text: 'Sign in to Learning Hub', href: d.links.signIn }),
      ];
      break;
  }
  return compose({
    subject: 'You already have a Learning Hub account',
    partnershipName: d.partnershipName,
    recipientName: d.recipientName,
    heading: 'You already have an account',
    body: [...body, p('If it was not you, you do not need to do anything: nothing has changed.')],
    next,
  });
}

export function registrationApproved(d: AccountMailCommon & { links: { signIn: string } }): MailContent {
  return compose({
    subject: 'Your Learning Hub account is ready',
    partnershipName: d.partnershipName,
    recipientName: d.recipientName,
    heading: 'Your registration is approved',
    body: [p('The training team has approved your registration. You can now sign in, book training and keep your training record.')],
    next: [
      p('Sign in with your email address and the password you chose when you registered.'),
      links({ text: 'Sign in to Learning Hub', href: d.links.signIn }),
    ],
  });
}

export function registrationRefused(d: AccountMailCommon & { reason: string | null }): MailContent {
  return compose({
    subject: 'Your Learning Hub registration was not approved',
    partnershipName: d.partnershipName,
    recipientName: d.recipientName,
    heading: 'Your registration was not approved',
    body: [
      p('The training team has looked at your registration and could not approve it.'),
      ...(d.reason ? [p(`Their reason: ${d.reason}`)] : []),
    ],
    next: [p(`If you think this is wrong, or your details have changed, email the training team at ${d.contactEmail}.`)],
  });
}

export function agencyRequestDecided(
  d: AccountMailCommon & {
    outcome: 'CREATED' | 'MAPPED' | 'REFUSED';
    /** What the person asked for: the name they typed, or the listed agency. */
    requested: string;
    /** The agency they are now in (created or mapped). */
    agencyName?: string | null;
    reason?: string | null;
    /** False while their registration still waits for approval. */
    accountActive: boolean;
    links: { account: string; signIn: string };
  },
): MailContent {
  const body =
    d.outcome === 'REFUSED'
      ? [
          p(`The training team could not put you in "${d.requested}". Your agency has not changed.`),
          ...(d.reason ? [p(`Their reason: ${d.reason}`)] : []),
        ]
      : [
          p(
            d.outcome === 'CREATED'
              ? `The training team has added ${d.agencyName} to the partnership's agencies, and your account now says you work there.`
              : `The training team has recorded your agency as ${d.agencyName}` +
                  (d.agencyName === d.requested ? '.' : ` (you asked for "${d.requested}", which is the same agency).`),
          ),
          p('Training you book from now on is recorded under this agency. Bookings you made before keep the agency you had then.'),
        ];
  const next = d.accountActive
    ? [
        p('You do not need to do anything. You can check your details on your account page.'),
        links({ text: 'Your account', href: d.links.account }),
      ]
    : [
        p('Your registration is still waiting for the training team to approve it. We will email you when they have.'),
        links({ text: 'Sign in to Learning Hub', href: d.links.signIn }),
      ];
  return compose({
    subject: d.outcome === 'REFUSED' ? 'Your agency request was not approved' : 'Your agency is updated',
    partnershipName: d.partnershipName,
    recipientName: d.recipientName,
    heading: d.outcome === 'REFUSED' ? 'Your agency request was not approved' : 'Your agency request is approved',
    body,
    next: d.outcome === 'REFUSED' ? [p(`If you have a question, email the training team at ${d.contactEmail}.`), ...next] : next,
  });
}
