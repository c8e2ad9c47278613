import {
  type Block,
  type Common,
  compose,
  describeDeadline,
  describeParts,
  h2,
  inviteNote,
  links,
  type MailContent,
  p,
  sessionFacts,
  type SessionDetails,
} from './mail-layout';

// The mails about one booking: confirmed, waiting, offered a place, approval asked for and given or refused, cancelled.

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
    body: [p(`${d.approverName ?? 'Your line manager'} approved your booking on ${d.session.courseTitle}.`), sessionFacts(d.session)],
    next: [
      p('You do not need to do anything else. We will confirm your place in a separate mail with a calendar invitation.'),
      links({ text: 'View your booking', href: d.links.booking }),
    ],
  });
}

/** `declinedBy`: who declined, when not the line manager (for example "The training team, on your line manager's behalf,"). */
export function bookingDeclined(
  d: Common & { reason?: string | null; declinedBy?: string | null; links: { course: string } },
): MailContent {
  return compose({
    subject: `Booking not approved: ${d.session.courseTitle}`,
    partnershipName: d.partnershipName,
    recipientName: d.recipientName,
    heading: 'Your booking was not approved',
    body: [
      p(
        d.declinedBy
          ? `${d.declinedBy} declined your booking on ${d.session.courseTitle}, so you do not have a place.`
          : `Your booking on ${d.session.courseTitle} was not approved, so you do not have a place.`,
      ),
      ...(d.reason ? [{ kind: 'facts', rows: [['Reason given', d.reason]] } satisfies Block] : []),
      sessionFacts(d.session),
    ],
    next: [
      p('Talk to your line manager if you have questions. You can book another date when you have their agreement.'),
      links({ text: 'See other dates for this course', href: d.links.course }),
    ],
  });
}

/**
 * A booking ended by the person or the training team. `from` is what it was: leaving a waiting list is
 * not cancelling a place, and only a confirmed place had a calendar event to withdraw.
 */
export function bookingCancelled(
  d: Common & {
    reason?: string | null;
    cancelledByYou: boolean;
    from: 'CONFIRMED' | 'WAITLISTED' | 'OFFERED' | 'PENDING_APPROVAL' | 'CANCELLED' | 'DECLINED' | 'EXPIRED';
    late?: boolean;
    links: { course: string };
  },
): MailContent {
  const waiting = d.from === 'WAITLISTED';
  const title = d.session.courseTitle;
  const what = waiting ? 'the waiting list' : d.from === 'CONFIRMED' ? 'your place' : 'your booking';
  return compose({
    subject: waiting ? `Waiting list left: ${title}` : `Booking cancelled: ${title}`,
    partnershipName: d.partnershipName,
    recipientName: d.recipientName,
    heading: waiting
      ? d.cancelledByYou
        ? 'You have left the waiting list'
        : 'You are no longer on the waiting list'
      : 'Your booking is cancelled',
    body: [
      p(
        waiting
          ? d.cancelledByYou
            ? `You left the waiting list for ${title}.`
            : `The training team took you off the waiting list for ${title}.`
          : d.cancelledByYou
            ? `You cancelled ${what} on ${title}.`
            : `The training team cancelled ${what} on ${title}.`,
      ),
      ...(d.reason ? [{ kind: 'facts', rows: [['Reason', d.reason]] } satisfies Block] : []),
      ...(d.late ? [p('This was after the cancellation cut-off, so it is recorded as a late cancellation.')] : []),
      sessionFacts(d.session),
      ...(d.from === 'CONFIRMED' ? [p('The calendar event has been cancelled too.')] : []),
    ],
    next: [
      p('You do not need to do anything. If you still need this training, book another date.'),
      links({ text: 'See other dates for this course', href: d.links.course }),
    ],
  });
}

/**
 * The training team moved the person's place to another date: one mail with the old and the new
 * dates (London time), the new date's invites and cancellations of the old date's events.
 */
export function bookingMoved(
  d: Common & {
    previous: SessionDetails;
    /** The old place was confirmed, so its calendar events are cancelled in this mail. */
    oldEventsCancelled: boolean;
    reason?: string | null;
    joiningInstructions?: string | null;
    links: { booking: string; cancel?: string | null };
  },
): MailContent {
  const parts = d.session.parts.length;
  return compose({
    subject: `Your place has moved to another date: ${d.session.courseTitle}`,
    partnershipName: d.partnershipName,
    recipientName: d.recipientName,
    heading: 'Your place has moved to another date',
    body: [
      p(`The training team has moved your place on ${d.session.courseTitle} to another date. Your place on the new date is confirmed.`),
      ...(d.reason ? [p(`Reason: ${d.reason}`)] : []),
      h2('The date you were booked on'),
      p(describeParts(d.previous.parts)),
      h2('Your new date'),
      sessionFacts(d.session, { joinLink: true }),
      ...(d.joiningInstructions ? [h2('Joining instructions'), p(d.joiningInstructions)] : []),
      p(
        `${parts > 1 ? `Calendar invitations for the ${parts} parts of the new date are attached` : 'A calendar invitation for the new date is attached'}${
          d.oldEventsCancelled ? ', with cancellations for the old date, so your calendar keeps only the new one.' : '.'
        }`,
      ),
    ],
    next: [
      p('Check you can come on the new date. If you cannot, cancel your place so someone else can have it.'),
      links({ text: 'View your booking', href: d.links.booking }, d.links.cancel && { text: 'Cancel your place', href: d.links.cancel }),
    ],
  });
}
