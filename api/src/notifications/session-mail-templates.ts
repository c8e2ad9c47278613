import { type Block, type Common, compose, h2, links, list, type MailContent, p, sessionFacts } from './mail-layout';

// The mails about a session someone is booked on: changed, cancelled, a reminder, joining instructions.

/**
 * The change sentences never carry a joining link or instructions: those are for confirmed places
 * (`confirmed`), who get them in the new details with an updated invitation; anyone else is told only
 * what changed.
 */
export function sessionChanged(
  d: Common & {
    changes: string[];
    confirmed: boolean;
    joiningInstructions?: string | null;
    links: { booking: string; cancel?: string | null };
  },
): MailContent {
  return compose({
    subject: `Changed: ${d.session.courseTitle}`,
    partnershipName: d.partnershipName,
    recipientName: d.recipientName,
    heading: 'Your course has changed',
    body: [
      p(
        d.confirmed
          ? `Something has changed about ${d.session.courseTitle}, which you are booked on:`
          : `Something has changed about ${d.session.courseTitle}, which you asked for a place on:`,
      ),
      list(d.changes),
      h2('The new details'),
      sessionFacts(d.session, { joinLink: d.confirmed }),
      ...(d.confirmed && d.joiningInstructions ? [h2('Joining instructions'), p(d.joiningInstructions)] : []),
      ...(d.confirmed ? [p('An updated calendar invitation is attached: it replaces the one we sent before.')] : []),
    ],
    next: [
      p('Check you can still come. If you cannot, cancel your place so someone else can have it.'),
      links({ text: 'View your booking', href: d.links.booking }, d.links.cancel && { text: 'Cancel your place', href: d.links.cancel }),
    ],
  });
}

/** `otherDates`: the course's coming dates (formatted); none means the mail says so and offers no "other dates". */
export function sessionCancelled(
  d: Common & { reason?: string | null; otherDates: string[]; hadCalendarEvent: boolean; links: { course: string } },
): MailContent {
  return compose({
    subject: `Cancelled: ${d.session.courseTitle}`,
    partnershipName: d.partnershipName,
    recipientName: d.recipientName,
    heading: 'Your course has been cancelled',
    body: [
      p(`We are sorry: the training team has cancelled ${d.session.courseTitle} on the date you were booked on.`),
      ...(d.reason ? [{ kind: 'facts', rows: [['Reason', d.reason]] } satisfies Block] : []),
      sessionFacts(d.session),
      ...(d.hadCalendarEvent ? [p('The calendar event has been cancelled too.')] : []),
    ],
    next: d.otherDates.length
      ? [
          p(`Other dates for this course: ${d.otherDates.join('; ')}. Book one if you still need this training.`),
          links({ text: 'See other dates for this course', href: d.links.course }),
        ]
      : [
          p('There are no other dates planned yet. You do not need to do anything: look again later if you still need this training.'),
          links({ text: `About ${d.session.courseTitle}`, href: d.links.course }),
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
