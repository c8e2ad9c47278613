import { compose, describeParts, describePlace, h2, links, p, type Link, type MailContent, type SessionDetails } from './mail-layout';

/** One new date in the "new dates" mail: when and where, and the link to book it. */
export interface NewDate {
  parts: SessionDetails['parts'];
  place: SessionDetails['place'];
  bookHref: string;
}

/**
 * To someone who asked to be told when a course without dates gets new ones: every coming date of the
 * course (each with its London times, place and a link to book), once. Their request has ended with it.
 */
export function newDatesAdded(d: {
  partnershipName: string;
  recipientName: string;
  courseTitle: string;
  dates: NewDate[];
  links: { course: string; account: string };
}): MailContent {
  const many = d.dates.length > 1;
  return compose({
    subject: `New dates: ${d.courseTitle}`,
    partnershipName: d.partnershipName,
    recipientName: d.recipientName,
    heading: many ? 'New dates have been added' : 'A new date has been added',
    body: [
      p(
        many
          ? `You asked us to tell you when ${d.courseTitle} has dates you can book. It now has ${d.dates.length}:`
          : `You asked us to tell you when ${d.courseTitle} has dates you can book. It now has one:`,
      ),
      ...d.dates.flatMap((date, i) => [
        h2(
          many
            ? `Date ${i + 1}: ${describeParts(date.parts)
                .split('\n')[0]!
                .replace(/^Part 1 of \d+: /, '')}`
            : 'The date',
        ),
        {
          kind: 'facts' as const,
          rows: [
            [date.parts.length > 1 ? 'Dates and times' : 'Date and time', describeParts(date.parts)],
            ['Where', describePlace(date.place)],
          ] as [string, string][],
        },
        links({ text: `Book this date`, href: date.bookHref } satisfies Link),
      ]),
    ],
    next: [
      p('Places go to whoever books first. We will not mail you again about new dates for this course unless you ask again.'),
      links({ text: `About ${d.courseTitle}`, href: d.links.course }, { text: 'Your account', href: d.links.account }),
    ],
  });
}
