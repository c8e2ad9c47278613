import { londonToUtc } from '@lh/domain';
import * as templates from './mail-templates';
import type { MailContent, SessionDetails } from './mail-templates';

const partnershipName = 'Northshire Safeguarding Children Partnership';
const venue: SessionDetails = {
  courseTitle: 'DASH risk checklist',
  parts: [{ start: londonToUtc('2026-03-03', '09:30'), end: londonToUtc('2026-03-03', '12:30') }],
  place: {
    kind: 'venue',
    name: 'Northshire College',
    address: '1 High Street, Northshire NS1 1AA',
    accessibilityNotes: 'Step-free access',
  },
};
const twoDays: SessionDetails = {
  courseTitle: 'Safeguarding for social care <specialist> & more',
  parts: [
    { start: londonToUtc('2026-03-03', '09:30'), end: londonToUtc('2026-03-03', '16:00') },
    { start: londonToUtc('2026-03-04', '09:30'), end: londonToUtc('2026-03-04', '16:00') },
  ],
  place: { kind: 'online', joinUrl: 'https://meet.example.org/abc' },
};
const common = { partnershipName, recipientName: 'Asha Patel' };
const L = (p: string) => `https://learning-hub.example.org/${p}`;

const every: [string, MailContent][] = [
  ['booking confirmed', templates.bookingConfirmed({ ...common, session: venue, links: { booking: L('b/1'), cancel: L('b/1/cancel') } })],
  ['waiting list joined', templates.waitingListJoined({ ...common, session: venue, position: 2, links: { booking: L('b/1') } })],
  [
    'place offered',
    templates.placeOffered({
      ...common,
      session: venue,
      deadline: londonToUtc('2026-02-27', '17:00'),
      links: { accept: L('a'), decline: L('d') },
    }),
  ],
  ['offer expired', templates.offerExpired({ ...common, session: venue, links: { course: L('c/1') } })],
  [
    'approval requested',
    templates.approvalRequested({
      ...common,
      recipientName: 'Morgan Lee',
      practitionerName: 'Asha Patel',
      practitionerAgency: 'Northshire NHS Trust',
      session: venue,
      links: { approve: L('ap'), decline: L('de') },
    }),
  ],
  [
    'approval pending',
    templates.approvalPending({ ...common, session: venue, managerEmail: 'morgan.lee@northshire.nhs.uk', links: { booking: L('b/1') } }),
  ],
  [
    'approval decided',
    templates.approvalDecided({
      ...common,
      recipientName: 'Morgan Lee',
      session: venue,
      approved: false,
      practitionerName: 'Asha Patel',
      links: { course: L('c/1') },
    }),
  ],
  ['booking approved', templates.bookingApproved({ ...common, session: venue, links: { booking: L('b/1') } })],
  ['booking declined', templates.bookingDeclined({ ...common, session: venue, reason: 'Not this quarter', links: { course: L('c/1') } })],
  [
    'booking cancelled',
    templates.bookingCancelled({
      ...common,
      session: venue,
      cancelledByYou: false,
      from: 'CONFIRMED',
      late: true,
      reason: 'Duplicate',
      links: { course: L('c/1') },
    }),
  ],
  [
    'waiting list left',
    templates.bookingCancelled({ ...common, session: venue, cancelledByYou: true, from: 'WAITLISTED', links: { course: L('c/1') } }),
  ],
  [
    'session changed',
    templates.sessionChanged({
      ...common,
      session: venue,
      changes: ['The venue is now Northshire College'],
      confirmed: true,
      links: { booking: L('b/1') },
    }),
  ],
  [
    'session cancelled',
    templates.sessionCancelled({
      ...common,
      session: venue,
      reason: 'Trainer ill',
      otherDates: [],
      hadCalendarEvent: true,
      links: { course: L('c/1') },
    }),
  ],
  ['reminder', templates.reminder({ ...common, session: venue, daysBefore: 7, links: { booking: L('b/1') } })],
  [
    'trainer assigned',
    templates.trainerAssigned({
      ...common,
      session: twoDays,
      numbers: { capacity: 20, confirmed: 12, pending: 1, waiting: 0 },
      joiningInstructions: 'Bring the DASH form.',
      links: { session: L('your-sessions/1'), yourSessions: L('your-sessions') },
    }),
  ],
  [
    'trainer session changed',
    templates.trainerSessionChanged({
      ...common,
      session: venue,
      changes: ['The venue is now Northshire College'],
      numbers: { capacity: 20, confirmed: 1, pending: 0, waiting: 3 },
      links: { session: L('your-sessions/1'), yourSessions: L('your-sessions') },
    }),
  ],
  ['trainer removed', templates.trainerRemoved({ ...common, session: venue, links: { yourSessions: L('your-sessions') } })],
  [
    'trainer session cancelled',
    templates.trainerSessionCancelled({ ...common, session: venue, reason: 'Venue closed', links: { yourSessions: L('your-sessions') } }),
  ],
  [
    'joining instructions',
    templates.joiningInstructions({ ...common, session: twoDays, instructions: 'Join 10 minutes early.', links: { booking: L('b/1') } }),
  ],
];

describe('mail templates', () => {
  it.each(every)('%s: text and accessible HTML with the partnership, the session and what to do next', (_, mail) => {
    expect(mail.subject.length).toBeGreaterThan(5);
    for (const part of [mail.text, mail.html]) {
      expect(part).toContain(partnershipName);
      expect(part).toContain('What to do next');
    }
    expect(mail.html).toContain('<html lang="en-GB">');
    expect(mail.html.match(/<h1[ >]/g)).toHaveLength(1);
    expect(mail.html).not.toMatch(/<table/i);
    // every link is a real link with words, and the text part has the same address
    const anchors = [...mail.html.matchAll(/<a href="([^"]+)"[^>]*>([^<]+)<\/a>/g)];
    expect(anchors.length).toBeGreaterThan(0);
    for (const [, href, words] of anchors) {
      expect(words!.trim().length).toBeGreaterThan(3);
      expect(mail.text).toContain(href!.replace(/&amp;/g, '&'));
    }
  });

  it('shows times the GOV.UK way, in London time', () => {
    const [, confirmed] = every[0]!;
    expect(confirmed.text).toContain('Tuesday 3 March 2026, 9:30am to 12:30pm');
    expect(confirmed.text).toContain('Northshire College\n  1 High Street, Northshire NS1 1AA');
    const [, offered] = every[2]!;
    expect(offered.text).toContain('by 5pm on Friday 27 February 2026');
  });

  it('numbers the parts of a two-day course and gives the joining link for online sessions', () => {
    const mail = every.at(-1)![1];
    expect(mail.text).toContain('Part 1 of 2: Tuesday 3 March 2026, 9:30am to 4pm');
    expect(mail.text).toContain('Part 2 of 2: Wednesday 4 March 2026, 9:30am to 4pm');
    expect(mail.text).toContain('Online: https://meet.example.org/abc');
  });

  it('escapes what people typed', () => {
    const mail = every.at(-1)![1];
    expect(mail.html).toContain('Safeguarding for social care &lt;specialist&gt; &amp; more');
    expect(mail.html).not.toContain('<specialist>');
  });
});

describe('cancellation wording', () => {
  const base = { partnershipName: 'Northshire Safeguarding Partnership', recipientName: 'Asha Patel', links: { course: 'https://x/c/1' } };
  const session = {
    courseTitle: 'Neglect',
    parts: [{ start: new Date('2026-12-10T10:00:00Z'), end: new Date('2026-12-10T13:00:00Z') }],
    place: { kind: 'online' as const },
  };
  it('says a waiting list was left, with no calendar event to withdraw', () => {
    const mail = templates.bookingCancelled({ ...base, session, cancelledByYou: true, from: 'WAITLISTED' });
    expect(mail.subject).toBe('Waiting list left: Neglect');
    expect(mail.text).toContain('You left the waiting list for Neglect.');
    expect(mail.text).not.toMatch(/calendar event|cancelled your place/);
  });
  it('withdraws the calendar event of a confirmed place, and says when it was late', () => {
    const mail = templates.bookingCancelled({ ...base, session, cancelledByYou: false, from: 'CONFIRMED', late: true });
    expect(mail.text).toContain('The training team cancelled your place on Neglect.');
    expect(mail.text).toContain('The calendar event has been cancelled too.');
    expect(mail.text).toContain('recorded as a late cancellation');
  });
});

describe('a cancelled session', () => {
  const base = { partnershipName: 'Northshire Safeguarding Partnership', recipientName: 'Asha Patel', links: { course: 'https://x/c/1' } };
  const session = {
    courseTitle: 'Neglect',
    parts: [{ start: new Date('2026-12-10T10:00:00Z'), end: new Date('2026-12-10T13:00:00Z') }],
    place: { kind: 'online' as const },
  };
  it('offers no "other dates" when there are none', () => {
    const mail = templates.sessionCancelled({ ...base, session, reason: 'Trainer ill', otherDates: [], hadCalendarEvent: false });
    expect(mail.text).toContain('There are no other dates planned yet');
    expect(mail.text).not.toMatch(/other dates for this course|calendar event/i);
  });
  it('lists the other dates when there are some', () => {
    const mail = templates.sessionCancelled({ ...base, session, otherDates: ['Monday 4 January 2027'], hadCalendarEvent: true });
    expect(mail.text).toContain('Other dates for this course: Monday 4 January 2027.');
    expect(mail.text).toContain('See other dates for this course');
    expect(mail.text).toContain('The calendar event has been cancelled too.');
  });
});

describe('mail to trainers', () => {
  it('says how many are booked, with the joining link and instructions, and links to Your sessions', () => {
    const [, assigned] = every.find(([name]) => name === 'trainer assigned')!;
    expect(assigned.subject).toBe('You are training: Safeguarding for social care <specialist> & more');
    expect(assigned.text).toContain('Part 1 of 2: Tuesday 3 March 2026, 9:30am to 4pm');
    expect(assigned.text).toContain('Online: https://meet.example.org/abc');
    expect(assigned.text).toContain('Booked so far: 12 of 20 places are booked; 1 more is held while people decide.');
    expect(assigned.text).toContain('Bring the DASH form.');
    expect(assigned.text).toContain(L('your-sessions/1'));
    expect(assigned.text).toContain('A calendar invitation for each of the 2 parts is attached.');
  });
  it('counts one booked place and a waiting list in words', () => {
    expect(templates.describeBooked({ capacity: 1, confirmed: 1, pending: 0, waiting: 1 })).toBe(
      '1 of 1 place is booked; 1 person is on the waiting list.',
    );
    expect(templates.describeBooked({ capacity: 12, confirmed: 0, pending: 2, waiting: 0 })).toBe(
      '0 of 12 places are booked; 2 more are held while people decide.',
    );
  });
});
