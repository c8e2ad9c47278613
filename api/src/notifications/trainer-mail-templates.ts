import { plural } from '@lh/domain';
import { type Block, type Common, compose, h2, inviteNote, links, list, type MailContent, p, sessionFacts } from './mail-layout';

// The mails to a session's trainers: put on it, it changed, taken off it, it was called off.

/** The session's numbers when the mail is written: what the trainer plans for. */
export interface TrainerSessionNumbers {
  capacity: number;
  /** Confirmed places. */
  confirmed: number;
  /** Places held while someone decides (an offer or a manager's approval). */
  pending: number;
  waiting: number;
}

interface TrainerLinks {
  /** The session on the trainer's "Your sessions" page. */
  session: string;
  /** "Your sessions" itself. */
  yourSessions: string;
}

/** "12 of 20 places are booked; 2 are held while people decide; 3 people are on the waiting list." */
export function describeBooked(n: TrainerSessionNumbers): string {
  const booked = `${n.confirmed} of ${plural(n.capacity, 'place', 'places')} ${n.confirmed === 1 ? 'is' : 'are'} booked`;
  const pending = n.pending ? `; ${plural(n.pending, 'more is', 'more are')} held while people decide` : '';
  const waiting = n.waiting ? `; ${plural(n.waiting, 'person is', 'people are')} on the waiting list` : '';
  return `${booked}${pending}${waiting}.`;
}

/** The facts a trainer gets about a session: the session (with the joining link), how many are booked, the joining instructions. */
function trainerFacts(d: Common & { numbers: TrainerSessionNumbers; joiningInstructions?: string | null }): Block[] {
  return [
    sessionFacts(d.session, { joinLink: true }),
    { kind: 'facts', rows: [['Booked so far', describeBooked(d.numbers)]] },
    ...(d.joiningInstructions ? [h2('Joining instructions (as sent to the people booked)'), p(d.joiningInstructions)] : []),
  ];
}

const yourSessionsNext = (l: TrainerLinks): Block[] => [
  p('Your sessions page has the attendee list, with the access and dietary needs to plan for, and the register on the day.'),
  links({ text: 'See this session on Your sessions', href: l.session }, { text: 'All your sessions', href: l.yourSessions }),
];

export function trainerAssigned(
  d: Common & { numbers: TrainerSessionNumbers; joiningInstructions?: string | null; links: TrainerLinks },
): MailContent {
  return compose({
    subject: `You are training: ${d.session.courseTitle}`,
    partnershipName: d.partnershipName,
    recipientName: d.recipientName,
    heading: 'You have been asked to train a session',
    body: [
      p(`The training team has put you down as a trainer on ${d.session.courseTitle}.`),
      ...trainerFacts(d),
      inviteNote(d.session.parts.length),
    ],
    next: [
      p('If you cannot train on this date, tell the training team as soon as you can so they can find someone else.'),
      ...yourSessionsNext(d.links),
    ],
  });
}

export function trainerSessionChanged(
  d: Common & { changes: string[]; numbers: TrainerSessionNumbers; joiningInstructions?: string | null; links: TrainerLinks },
): MailContent {
  return compose({
    subject: `Changed: ${d.session.courseTitle} (you are training)`,
    partnershipName: d.partnershipName,
    recipientName: d.recipientName,
    heading: 'A session you are training has changed',
    body: [
      p(`Something has changed about ${d.session.courseTitle}, which you are training:`),
      list(d.changes),
      h2('The new details'),
      ...trainerFacts(d),
      p('An updated calendar invitation is attached: it replaces the one we sent before.'),
    ],
    next: [p('Check you can still train it. If you cannot, tell the training team as soon as you can.'), ...yourSessionsNext(d.links)],
  });
}

export function trainerRemoved(d: Common & { links: { yourSessions: string } }): MailContent {
  return compose({
    subject: `No longer training: ${d.session.courseTitle}`,
    partnershipName: d.partnershipName,
    recipientName: d.recipientName,
    heading: 'You are no longer training a session',
    body: [
      p(`The training team has taken you off ${d.session.courseTitle}: you are no longer down to train it.`),
      sessionFacts(d.session),
      p('The calendar event has been cancelled too.'),
    ],
    next: [
      p('You do not need to do anything. If you think this is a mistake, contact the training team.'),
      links({ text: 'Your sessions', href: d.links.yourSessions }),
    ],
  });
}

export function trainerSessionCancelled(d: Common & { reason?: string | null; links: { yourSessions: string } }): MailContent {
  return compose({
    subject: `Cancelled: ${d.session.courseTitle} (you were training)`,
    partnershipName: d.partnershipName,
    recipientName: d.recipientName,
    heading: 'A session you were training has been cancelled',
    body: [
      p(`The training team has cancelled ${d.session.courseTitle}, which you were down to train. Everyone booked has been told.`),
      ...(d.reason ? [{ kind: 'facts', rows: [['Reason', d.reason]] } satisfies Block] : []),
      sessionFacts(d.session),
      p('The calendar event has been cancelled too.'),
    ],
    next: [p('You do not need to do anything.'), links({ text: 'Your sessions', href: d.links.yourSessions })],
  });
}
