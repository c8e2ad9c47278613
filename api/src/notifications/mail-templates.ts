import { formatLondonDate, formatLondonRange, formatLondonTime } from '@lh/domain';

/**
 * The words of every mail, one function per kind. Each takes plain data (links are absolute URLs the
 * caller builds from config.webOrigin) and gives a subject, a plain-text part and an accessible HTML
 * part (lang="en-GB", one h1, real text links, no layout tables, nothing said by colour alone) that
 * say the same things, including the partnership's name and what to do next.
 */
export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

export type SessionPlace =
  { kind: 'venue'; name: string; address: string; accessibilityNotes?: string | null } | { kind: 'online'; joinUrl?: string | null };

export interface SessionDetails {
  courseTitle: string;
  /** One or more parts (a two-day course has two), in order. */
  parts: { start: Date; end: Date }[];
  place: SessionPlace;
}

interface Common {
  partnershipName: string;
  /** Who the mail is to, for the greeting. */
  recipientName: string;
  session: SessionDetails;
}

export interface Link {
  text: string;
  href: string;
}

// ---------------------------------------------------------------------------------------------------
// A small document model rendered twice: once as text, once as HTML.

type Block =
  | { kind: 'p'; text: string }
  | { kind: 'h2'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'facts'; rows: [string, string][] }
  | { kind: 'links'; links: Link[] };

const p = (text: string): Block => ({ kind: 'p', text });
const h2 = (text: string): Block => ({ kind: 'h2', text });
const list = (items: string[]): Block => ({ kind: 'list', items });
const links = (...items: (Link | null | undefined | false | '')[]): Block => ({
  kind: 'links',
  links: items.filter((l): l is Link => !!l),
});

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
const htmlLines = (s: string) => escapeHtml(s).replace(/\n/g, '<br>\n');

function renderText(blocks: Block[]): string {
  return blocks
    .map((b) => {
      switch (b.kind) {
        case 'p':
          return b.text;
        case 'h2':
          return `${b.text}\n${'-'.repeat(b.text.length)}`;
        case 'list':
          return b.items.map((i) => `- ${i.replace(/\n/g, '\n  ')}`).join('\n');
        case 'facts':
          return b.rows.map(([k, v]) => `${k}: ${v.replace(/\n/g, '\n  ')}`).join('\n');
        case 'links':
          return b.links.map((l) => `${l.text}:\n${l.href}`).join('\n\n');
      }
    })
    .join('\n\n');
}

function renderHtml(blocks: Block[]): string {
  return blocks
    .map((b) => {
      switch (b.kind) {
        case 'p':
          return `<p>${htmlLines(b.text)}</p>`;
        case 'h2':
          return `<h2 style="font-size: 20px; margin: 24px 0 8px;">${escapeHtml(b.text)}</h2>`;
        case 'list':
          return `<ul>\n${b.items.map((i) => `  <li>${htmlLines(i)}</li>`).join('\n')}\n</ul>`;
        case 'facts':
          return `<dl>\n${b.rows
            .map(([k, v]) => `  <dt style="font-weight: bold;">${escapeHtml(k)}</dt>\n  <dd style="margin: 0 0 12px;">${htmlLines(v)}</dd>`)
            .join('\n')}\n</dl>`;
        case 'links':
          return `<ul>\n${b.links
            .map(
              (l) =>
                `  <li><a href="${escapeHtml(l.href)}" style="color: #1d70b8; text-decoration: underline;">${escapeHtml(l.text)}</a></li>`,
            )
            .join('\n')}\n</ul>`;
      }
    })
    .join('\n');
}

/** Puts a mail together: partnership name, greeting, heading, body, "What to do next", footer. */
function compose(o: {
  subject: string;
  partnershipName: string;
  recipientName: string;
  heading: string;
  body: Block[];
  next: Block[];
}): MailContent {
  const footer = p(`This mail was sent by Learning Hub for the ${o.partnershipName}. Please do not reply to it.`);
  const textBlocks = [p(o.partnershipName), p(o.heading.toUpperCase()), p(`Dear ${o.recipientName},`), ...o.body];
  const text = `${renderText([...textBlocks, h2('What to do next'), ...o.next])}\n\n--\n${renderText([footer])}\n`;
  const html = [
    '<!DOCTYPE html>',
    '<html lang="en-GB">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(o.subject)}</title>`,
    '</head>',
    '<body style="margin: 0; padding: 16px; font-family: Arial, Helvetica, sans-serif; font-size: 16px; line-height: 1.5; color: #0b0c0c; background: #ffffff;">',
    '<div style="max-width: 640px; margin: 0 auto;">',
    `<p style="font-weight: bold;">${escapeHtml(o.partnershipName)}</p>`,
    `<h1 style="font-size: 28px; line-height: 1.2; margin: 16px 0;">${escapeHtml(o.heading)}</h1>`,
    `<p>Dear ${escapeHtml(o.recipientName)},</p>`,
    renderHtml(o.body),
    renderHtml([h2('What to do next'), ...o.next]),
    '<hr>',
    `<p style="font-size: 14px;">${escapeHtml(`This mail was sent by Learning Hub for the ${o.partnershipName}. Please do not reply to it.`)}</p>`,
    '</div>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
  return { subject: o.subject, text, html };
}

// ---------------------------------------------------------------------------------------------------
// Shared pieces

/** "Tuesday 3 March 2026, 9:30am to 12:30pm", numbered when there are several parts. */
export function describeParts(parts: SessionDetails['parts']): string {
  if (parts.length === 1) {
    return formatLondonRange(parts[0]!.start, parts[0]!.end);
  }
  return parts.map((x, i) => `Part ${i + 1} of ${parts.length}: ${formatLondonRange(x.start, x.end)}`).join('\n');
}

/** "Venue name, address" or "Online". */
export function describePlace(place: SessionPlace): string {
  return place.kind === 'venue' ? `${place.name}, ${place.address}` : 'Online';
}

/** "5pm on Friday 6 March 2026" */
export function describeDeadline(deadline: Date): string {
  return `${formatLondonTime(deadline)} on ${formatLondonDate(deadline)}`;
}

function sessionFacts(s: SessionDetails, opts: { joinLink?: boolean } = {}): Block {
  const rows: [string, string][] = [
    ['Course', s.courseTitle],
    [s.parts.length > 1 ? 'Dates and times' : 'Date and time', describeParts(s.parts)],
  ];
  if (s.place.kind === 'venue') {
    rows.push(['Venue', `${s.place.name}\n${s.place.address}`]);
    if (s.place.accessibilityNotes) {
      rows.push(['Access', s.place.accessibilityNotes]);
    }
  } else {
    rows.push(['Where', opts.joinLink && s.place.joinUrl ? `Online: ${s.place.joinUrl}` : 'Online']);
  }
  return { kind: 'facts', rows };
}

const inviteNote = (parts: number) =>
  p(
    parts > 1
      ? `Each part has its own calendar invitation (one mail per part). Add them to your calendar so you have the dates and the place.`
      : 'A calendar invitation is attached. Add it to your calendar so you have the date and the place.',
  );

// ---------------------------------------------------------------------------------------------------
// One function per kind of mail

export function bookingConfirmed(
  d: Common & { joiningInstructions?: string | null; links: { booking: string; cancel?: string | null } },
): MailContent {
  return compose({
    subject: `Booking confirmed: ${d.session.courseTitle}`,
    partnershipName: d.partnershipName,
    recipientName: d.recipientName,
    heading: 'Your place is booked',
    body: [
      p(`Your place on ${d.session.courseTitle} is confirmed.`),
      sessionFacts(d.session, { joinLink: true }),
      ...(d.joiningInstructions ? [h2('Joining instructions'), p(d.joiningInstructions)] : []),
      inviteNote(d.session.parts.length),
    ],
    next: [
      p('Come to every part of the course. If you can no longer come, cancel your place so someone on the waiting list can have it.'),
      links({ text: 'View your booking', href: d.links.booking }, d.links.cancel && { text: 'Cancel your place', href: d.links.cancel }),
    ],
  });
}

export function waitingListJoined(d: Common & { position?: number | null; links: { booking: string } }): MailContent {
  return compose({
    subject: `On the waiting list: ${d.session.courseTitle}`,
    partnershipName: d.partnershipName,
    recipientName: d.recipientName,
    heading: 'You are on the waiting list',
    body: [
      p(`${d.session.courseTitle} is full, so you are on the waiting list${d.position ? ` (number ${d.position})` : ''}.`),
      sessionFacts(d.session),
    ],
    next: [
      p('You do not need to do anything now. If a place comes up we will email you, and you will have a set time to accept it.'),
      links({ text: 'View or leave the waiting list', href: d.links.booking }),
    ],
  });
}

export function placeOffered(d: Common & { deadline: Date; links: { accept: string; decline: string } }): MailContent {
  return compose({
    subject: `A place is available: ${d.session.courseTitle}`,
    partnershipName: d.partnershipName,
    recipientName: d.recipientName,
    heading: 'A place is available for you',
    body: [
      p(`A place has come up on ${d.session.courseTitle}, and it is being held for you.`),
      sessionFacts(d.session),
      p(`Accept or decline it by ${describeDeadline(d.deadline)}. After that the place is offered to the next person on the waiting list.`),
    ],
    next: [
      p(`Accept the place by ${describeDeadline(d.deadline)} if you can come. If you cannot, decline it so someone else can have it.`),
      links({ text: 'Accept the place', href: d.links.accept }, { text: 'Decline the place', href: d.links.decline }),
    ],
  });
}

export function offerExpired(d: Common & { links: { course: string } }): MailContent {
  return compose({
    subject: `Place offer ended: ${d.session.courseTitle}`,
    partnershipName: d.partnershipName,
    recipientName: d.recipientName,
    heading: 'The place we offered you has gone',
    body: [
      p(`We held a place for you on ${d.session.courseTitle}, but it was not accepted in time, so it has gone to the next person.`),
      sessionFacts(d.session),
    ],
    next: [
      p('If you still want to do this course, look for another date and book it or join its waiting list.'),
      links({ text: 'See other dates for this course', href: d.links.course }),
    ],
  });
}

export function approvalRequested(
  d: Common & {
    practitionerName: string;
    practitionerJobTitle?: string | null;
    practitionerAgency?: string | null;
    deadline?: Date | null;
    links: { approve: string; decline: string };
  },
): MailContent {
  const who = [d.practitionerName, d.practitionerJobTitle, d.practitionerAgency].filter(Boolean).join(', ');
  return compose({
    subject: `Approval needed: ${d.practitionerName} wants to attend ${d.session.courseTitle}`,
    partnershipName: d.partnershipName,
    recipientName: d.recipientName,
    heading: 'A booking needs your approval',
    body: [
      p(`${who} has asked to attend ${d.session.courseTitle}. This course needs their line manager's approval, and they named you.`),
      sessionFacts(d.session),
    ],
    next: [
      p(
        `Approve the booking if they can attend, or decline it${d.deadline ? `, by ${describeDeadline(d.deadline)}` : ''}. We will tell them your decision.`,
      ),
      links(
        { text: `Approve ${d.practitionerName}'s booking`, href: d.links.approve },
        { text: 'Decline the booking', href: d.links.decline },
      ),
    ],
  });
}

export function bookingApproved(d: Common & { approverName?: string | null; links: { booking: string } }): MailContent {
  return compose({
    subject: `Booking approved: ${d.session.courseTitle}`,
    partnershipName: d.partnershipName,
    recipientName: d.recipientName,
    heading: 'Your booking has been approved',
    body: [p(`${d.approverName ?? 'Your line manager'} has approved your booking on ${d.session.courseTitle}.`), sessionFacts(d.session)],
    next: [
      p('You do not need to do anything else. We will confirm your place in a separate mail with a calendar invitation.'),
      links({ text: 'View your booking', href: d.links.booking }),
    ],
  });
}

export function bookingDeclined(d: Common & { reason?: string | null; links: { course: string } }): MailContent {
  return compose({
    subject: `Booking not approved: ${d.session.courseTitle}`,
    partnershipName: d.partnershipName,
    recipientName: d.recipientName,
    heading: 'Your booking was not approved',
    body: [
      p(`Your booking on ${d.session.courseTitle} was not approved, so you do not have a place.`),
      ...(d.reason ? [{ kind: 'facts', rows: [['Reason given', d.reason]] } satisfies Block] : []),
      sessionFacts(d.session),
    ],
    next: [
      p('Talk to your line manager if you have questions. You can book another date when you have their agreement.'),
      links({ text: 'See other dates for this course', href: d.links.course }),
    ],
  });
}

export function bookingCancelled(d: Common & { reason?: string | null; cancelledByYou: boolean; links: { course: string } }): MailContent {
  return compose({
    subject: `Booking cancelled: ${d.session.courseTitle}`,
    partnershipName: d.partnershipName,
    recipientName: d.recipientName,
    heading: 'Your booking is cancelled',
    body: [
      p(
        d.cancelledByYou
          ? `You cancelled your place on ${d.session.courseTitle}.`
          : `The training team cancelled your place on ${d.session.courseTitle}.`,
      ),
      ...(d.reason ? [{ kind: 'facts', rows: [['Reason', d.reason]] } satisfies Block] : []),
      sessionFacts(d.session),
      p('The calendar event has been cancelled too.'),
    ],
    next: [
      p('You do not need to do anything. If you still need this training, book another date.'),
      links({ text: 'See other dates for this course', href: d.links.course }),
    ],
  });
}

export function sessionChanged(d: Common & { changes: string[]; links: { booking: string; cancel?: string | null } }): MailContent {
  return compose({
    subject: `Changed: ${d.session.courseTitle}`,
    partnershipName: d.partnershipName,
    recipientName: d.recipientName,
    heading: 'Your course has changed',
    body: [
      p(`Something has changed about ${d.session.courseTitle}, which you are booked on:`),
      list(d.changes),
      h2('The new details'),
      sessionFacts(d.session, { joinLink: true }),
      p('An updated calendar invitation is attached: it replaces the one we sent before.'),
    ],
    next: [
      p('Check you can still come. If you cannot, cancel your place so someone else can have it.'),
      links({ text: 'View your booking', href: d.links.booking }, d.links.cancel && { text: 'Cancel your place', href: d.links.cancel }),
    ],
  });
}

export function sessionCancelled(d: Common & { reason?: string | null; links: { course: string } }): MailContent {
  return compose({
    subject: `Cancelled: ${d.session.courseTitle}`,
    partnershipName: d.partnershipName,
    recipientName: d.recipientName,
    heading: 'Your course has been cancelled',
    body: [
      p(`We are sorry: the training team has cancelled ${d.session.courseTitle} on the date you were booked on.`),
      ...(d.reason ? [{ kind: 'facts', rows: [['Reason', d.reason]] } satisfies Block] : []),
      sessionFacts(d.session),
      p('The calendar event has been cancelled too.'),
    ],
    next: [
      p('You do not need to do anything. Book another date if you still need this training.'),
      links({ text: 'See other dates for this course', href: d.links.course }),
    ],
  });
}

export function reminder(
  d: Common & { daysBefore: number; joiningInstructions?: string | null; links: { booking: string; cancel?: string | null } },
): MailContent {
  const when = d.daysBefore === 1 ? 'tomorrow' : `in ${d.daysBefore} days`;
  return compose({
    subject: `Reminder: ${d.session.courseTitle} ${when}`,
    partnershipName: d.partnershipName,
    recipientName: d.recipientName,
    heading: `Your course starts ${when}`,
    body: [
      p(`This is a reminder that you are booked on ${d.session.courseTitle}.`),
      sessionFacts(d.session, { joinLink: true }),
      ...(d.joiningInstructions ? [h2('Joining instructions'), p(d.joiningInstructions)] : []),
    ],
    next: [
      p(
        'If you can no longer come, cancel your place now so someone on the waiting list can have it. Not attending without telling us is reported to your agency.',
      ),
      links({ text: 'View your booking', href: d.links.booking }, d.links.cancel && { text: 'Cancel your place', href: d.links.cancel }),
    ],
  });
}

export function joiningInstructions(d: Common & { instructions: string; links: { booking: string } }): MailContent {
  return compose({
    subject: `Joining instructions: ${d.session.courseTitle}`,
    partnershipName: d.partnershipName,
    recipientName: d.recipientName,
    heading: 'Joining instructions',
    body: [
      p(`Here is how to join ${d.session.courseTitle}.`),
      sessionFacts(d.session, { joinLink: true }),
      h2('Instructions'),
      p(d.instructions),
    ],
    next: [p('Keep this mail so you have the instructions on the day.'), links({ text: 'View your booking', href: d.links.booking })],
  });
}
