import ICAL from 'ical.js';
import {
  buildFeed,
  buildInvite,
  cancelledSessionInFeed,
  calendarStatusFor,
  calendarSummary,
  inCalendarFeed,
  inviteUid,
  trainerInviteUid,
  trainerInviteUidPrefix,
  publishedSequence,
  readInvite,
  type CalendarEvent,
  type InviteSpec,
} from './calendar';
import { BookingStatus } from './enums';
import { londonToUtc } from './london-time';

const base: InviteSpec = {
  method: 'REQUEST',
  uid: inviteUid('1b0c', '9f2e'),
  sequence: 0,
  organizer: { name: 'Northshire Safeguarding Children Partnership', email: 'training@example.org' },
  attendee: { name: 'Asha Patel', email: 'asha.patel@example.org' },
  summary: 'DASH risk checklist',
  description: 'Bring your laptop; arrive 10 minutes early.\nParking at the rear.',
  location: 'Northshire College, Room 4, 1 High Street, Northshire NS1 1AA',
  start: londonToUtc('2026-03-03', '09:30'),
  end: londonToUtc('2026-03-03', '12:30'),
  url: 'https://learning-hub.example.org/bookings/1b0c',
};

/** Parses .ics text with ical.js (an independent parser), resolving TZIDs with the file's own VTIMEZONE. */
function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  for (const vtz of calendar.getAllSubcomponents('vtimezone')) {
    ICAL.TimezoneService.register(new ICAL.Timezone(vtz));
  }
  const vevent = calendar.getFirstSubcomponent('vevent')!;
  const event = new ICAL.Event(vevent);
  return {
    method: calendar.getFirstPropertyValue('method'),
    uid: event.uid,
    sequence: event.sequence,
    status: vevent.getFirstPropertyValue('status'),
    tzid: vevent.getFirstProperty('dtstart')!.getParameter('tzid'),
    start: event.startDate.toJSDate().toISOString(),
    end: event.endDate.toJSDate().toISOString(),
    summary: event.summary,
    location: event.location,
    description: event.description,
    organizer: String(vevent.getFirstPropertyValue('organizer')).toLowerCase(),
    attendee: String(vevent.getFirstPropertyValue('attendee')).toLowerCase(),
    hasLondonZone: calendar.getAllSubcomponents('vtimezone').some((z) => z.getFirstPropertyValue('tzid') === 'Europe/London'),
  };
}

describe('inviteUid', () => {
  it('is stable for a booking and a session part', () => {
    expect(inviteUid('b-1', 'p-2')).toBe('booking-b-1-part-p-2@learninghub');
    expect(inviteUid('b-1', 'p-2')).toBe(inviteUid('b-1', 'p-2'));
  });
});

describe('trainerInviteUid', () => {
  it('is stable for a trainer on a session part, starts with the assignment prefix, and is never a booking UID', () => {
    expect(trainerInviteUid('s-1', 't-1', 'p-2')).toBe('trainer-s-1-t-1-part-p-2@learninghub');
    expect(trainerInviteUid('s-1', 't-1', 'p-2').startsWith(trainerInviteUidPrefix('s-1', 't-1'))).toBe(true);
    expect(trainerInviteUid('s-1', 't-2', 'p-2').startsWith(trainerInviteUidPrefix('s-1', 't-1'))).toBe(false);
    expect(trainerInviteUid('s-1', 't-1', 'p-2')).not.toBe(inviteUid('s-1', 'p-2'));
  });
});

describe('buildInvite', () => {
  const originalTz = process.env.TZ;
  // The server's own zone must not matter: run as if in New York.
  beforeAll(() => {
    process.env.TZ = 'America/New_York';
  });
  afterAll(() => {
    process.env.TZ = originalTz;
  });

  it('makes a REQUEST with UID, SEQUENCE, organizer, attendee, place and description', () => {
    const p = parse(buildInvite(base));
    expect(p).toMatchObject({
      method: 'REQUEST',
      uid: 'booking-1b0c-part-9f2e@learninghub',
      sequence: 0,
      status: 'CONFIRMED',
      tzid: 'Europe/London',
      hasLondonZone: true,
      summary: 'DASH risk checklist',
      location: 'Northshire College, Room 4, 1 High Street, Northshire NS1 1AA',
      description: 'Bring your laptop; arrive 10 minutes early.\nParking at the rear.',
      organizer: 'mailto:training@example.org',
      attendee: 'mailto:asha.patel@example.org',
      start: '2026-03-03T09:30:00.000Z',
      end: '2026-03-03T12:30:00.000Z',
    });
  });

  it('writes London wall-clock times with TZID and a UTC DTSTAMP', () => {
    const ics = buildInvite({ ...base, stamp: new Date('2026-02-01T10:00:00Z') });
    expect(ics).toContain('DTSTART;TZID=Europe/London:20260303T093000');
    expect(ics).toContain('DTEND;TZID=Europe/London:20260303T123000');
    expect(ics).toContain('DTSTAMP:20260201T100000Z');
    expect(ics).toMatch(/BEGIN:VTIMEZONE\r\nTZID:Europe\/London/);
  });

  it.each([
    ['the Saturday before the clocks go forward', '2026-03-28', '2026-03-28T09:30:00.000Z', '2026-03-28T12:30:00.000Z'],
    ['the day the clocks go forward (29 March 2026)', '2026-03-29', '2026-03-29T08:30:00.000Z', '2026-03-29T11:30:00.000Z'],
    ['the Saturday before the clocks go back', '2026-10-24', '2026-10-24T08:30:00.000Z', '2026-10-24T11:30:00.000Z'],
    ['the day the clocks go back (25 October 2026)', '2026-10-25', '2026-10-25T09:30:00.000Z', '2026-10-25T12:30:00.000Z'],
    ['the Monday after the clocks go back', '2026-10-26', '2026-10-26T09:30:00.000Z', '2026-10-26T12:30:00.000Z'],
    ['midsummer', '2026-07-01', '2026-07-01T08:30:00.000Z', '2026-07-01T11:30:00.000Z'],
  ])('places a 9:30am to 12:30pm session on %s at the right instants', (_, date, start, end) => {
    const ics = buildInvite({ ...base, start: londonToUtc(date, '09:30'), end: londonToUtc(date, '12:30') });
    expect(ics).toContain(`DTSTART;TZID=Europe/London:${date.replace(/-/g, '')}T093000`);
    const p = parse(ics);
    expect([p.start, p.end]).toEqual([start, end]);
  });

  it.each([
    ['the first 01:30 (BST) on 25 October 2026', '2026-10-25T00:30:00.000Z', '2026-10-25T03:00:00.000Z'],
    ['the second 01:30 (GMT) on 25 October 2026', '2026-10-25T01:30:00.000Z', '2026-10-25T03:00:00.000Z'],
    ['00:30 to the first 01:45 (BST)', '2026-10-24T23:30:00.000Z', '2026-10-25T00:45:00.000Z'],
    ['the first 01:15 (BST) to the second 01:15 (GMT)', '2026-10-25T00:15:00.000Z', '2026-10-25T01:15:00.000Z'],
  ])('gives RFC 5545 readers the stored instants for %s', (_, start, end) => {
    const ics = buildInvite({ ...base, start: new Date(start), end: new Date(end) });
    const p = parse(ics);
    expect([p.start, p.end]).toEqual([start, end]);
    // written in UTC, which no reader can take for the other 01:xx
    expect(ics).toContain(`DTSTART:${start.replace(/[-:]|\.000/g, '')}`);
    expect(readInvite(ics)).toMatchObject({ start: new Date(start), end: new Date(end) });
  });

  it.each([
    ['the day the clocks go forward, 03:00 to 04:00 BST', '2026-03-29T02:00:00.000Z', '2026-03-29T03:00:00.000Z', '20260329T030000'],
    ['the day the clocks go back, 00:30 to 00:59 BST', '2026-10-24T23:30:00.000Z', '2026-10-24T23:59:00.000Z', '20261025T003000'],
    ['the day the clocks go back, 02:00 to 03:00 GMT', '2026-10-25T02:00:00.000Z', '2026-10-25T03:00:00.000Z', '20261025T020000'],
  ])('keeps London time with TZID on %s', (_, start, end, local) => {
    const ics = buildInvite({ ...base, start: new Date(start), end: new Date(end) });
    expect(ics).toContain(`DTSTART;TZID=Europe/London:${local}`);
    const p = parse(ics);
    expect([p.start, p.end]).toEqual([start, end]);
    expect(readInvite(ics)).toMatchObject({ start: new Date(start), end: new Date(end) });
  });

  it('keeps the UID and raises the SEQUENCE for an update', () => {
    const first = parse(buildInvite(base));
    const moved = parse(
      buildInvite({ ...base, sequence: 1, start: londonToUtc('2026-03-10', '13:00'), end: londonToUtc('2026-03-10', '16:00') }),
    );
    expect(moved.uid).toBe(first.uid);
    expect(moved.sequence).toBeGreaterThan(first.sequence);
    expect(moved.start).toBe('2026-03-10T13:00:00.000Z');
  });

  it('cancels with METHOD:CANCEL, STATUS:CANCELLED and the same UID', () => {
    const p = parse(buildInvite({ ...base, method: 'CANCEL', sequence: 2 }));
    expect(p).toMatchObject({ method: 'CANCEL', status: 'CANCELLED', uid: base.uid, sequence: 2 });
  });

  it('refuses nonsense', () => {
    expect(() => buildInvite({ ...base, sequence: -1 })).toThrow(/sequence/);
    expect(() => buildInvite({ ...base, end: base.start })).toThrow(/end must be after start/);
  });
});

describe('readInvite', () => {
  it('reads back what buildInvite wrote, times included', () => {
    const r = readInvite(
      buildInvite({
        ...base,
        method: 'CANCEL',
        sequence: 3,
        start: londonToUtc('2026-03-29', '09:30'),
        end: londonToUtc('2026-03-29', '12:30'),
      }),
    );
    expect(r).toEqual({
      method: 'CANCEL',
      uid: base.uid,
      sequence: 3,
      status: 'CANCELLED',
      summary: 'DASH risk checklist',
      location: base.location,
      start: new Date('2026-03-29T08:30:00.000Z'),
      end: new Date('2026-03-29T11:30:00.000Z'),
    });
  });

  it('reads UTC times and leaves unknown zones empty', () => {
    const ics = [
      'BEGIN:VCALENDAR',
      'METHOD:REQUEST',
      'BEGIN:VEVENT',
      'UID:x',
      'DTSTART:20260101T100000Z',
      'DTEND;TZID=America/New_York:20260101T120000',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    expect(readInvite(ics)).toMatchObject({ method: 'REQUEST', uid: 'x', start: new Date('2026-01-01T10:00:00Z'), end: null });
  });
});

describe('buildFeed', () => {
  const event = (over: Partial<CalendarEvent> = {}): CalendarEvent => ({
    uid: inviteUid('b-1', 'p-1'),
    sequence: 0,
    status: 'CONFIRMED',
    summary: 'DASH risk checklist',
    description: 'Online: join at https://meet.example.org/x',
    location: 'Online',
    start: londonToUtc('2026-03-29', '09:30'),
    end: londonToUtc('2026-03-29', '12:30'),
    ...over,
  });
  const organizer = { name: 'Northshire Safeguarding Children Partnership', email: 'training@example.org' };

  /** Every VEVENT, parsed by ical.js with the file's own VTIMEZONE. */
  function events(ics: string) {
    const calendar = new ICAL.Component(ICAL.parse(ics));
    for (const vtz of calendar.getAllSubcomponents('vtimezone')) {
      ICAL.TimezoneService.register(new ICAL.Timezone(vtz));
    }
    return {
      method: calendar.getFirstPropertyValue('method'),
      name: calendar.getFirstPropertyValue('x-wr-calname'),
      zones: calendar.getAllSubcomponents('vtimezone').length,
      events: calendar.getAllSubcomponents('vevent').map((v) => {
        const e = new ICAL.Event(v);
        return {
          uid: e.uid,
          sequence: e.sequence,
          status: v.getFirstPropertyValue('status'),
          summary: e.summary,
          start: e.startDate.toJSDate().toISOString(),
          end: e.endDate.toJSDate().toISOString(),
          attendees: v.getAllProperties('attendee').length,
        };
      }),
    };
  }

  it('publishes named events with the invite UIDs, London times and one VTIMEZONE', () => {
    const ics = buildFeed({
      name: 'Learning Hub: Shah, Priya',
      organizer,
      refreshSeconds: 3600,
      stamp: new Date('2026-02-01T10:00:00Z'),
      events: [
        event(),
        event({
          uid: inviteUid('b-2', 'p-9'),
          sequence: 2,
          status: 'TENTATIVE',
          summary: 'Awaiting approval: Graded Care Profile 2',
          start: londonToUtc('2026-10-26', '13:00'),
          end: londonToUtc('2026-10-26', '16:00'),
        }),
      ],
    });
    expect(ics).toContain('METHOD:PUBLISH');
    expect(ics).toContain('X-WR-CALNAME:Learning Hub: Shah\\, Priya');
    expect(ics).toContain('REFRESH-INTERVAL;VALUE=DURATION:PT1H');
    expect(ics).toContain('DTSTART;TZID=Europe/London:20260329T093000');
    expect(ics).not.toContain('ATTENDEE');
    expect(events(ics)).toEqual({
      method: 'PUBLISH',
      // ical.js keeps X- property values as written, escaping included
      name: 'Learning Hub: Shah\\, Priya',
      zones: 1,
      events: [
        {
          uid: 'booking-b-1-part-p-1@learninghub',
          sequence: 0,
          status: 'CONFIRMED',
          summary: 'DASH risk checklist',
          start: '2026-03-29T08:30:00.000Z',
          end: '2026-03-29T11:30:00.000Z',
          attendees: 0,
        },
        {
          uid: 'booking-b-2-part-p-9@learninghub',
          sequence: 2,
          status: 'TENTATIVE',
          summary: 'Awaiting approval: Graded Care Profile 2',
          start: '2026-10-26T13:00:00.000Z',
          end: '2026-10-26T16:00:00.000Z',
          attendees: 0,
        },
      ],
    });
  });

  it('places both 01:30s of 25 October 2026 and the ordinary clock-change days at the stored instants', () => {
    const cases = [
      ['2026-10-25T00:30:00.000Z', '2026-10-25T02:30:00.000Z'], // first 01:30 (BST)
      ['2026-10-25T01:30:00.000Z', '2026-10-25T03:30:00.000Z'], // second 01:30 (GMT)
      ['2026-03-29T08:30:00.000Z', '2026-03-29T11:30:00.000Z'], // 9:30am BST, the day the clocks go forward
      ['2026-10-25T09:30:00.000Z', '2026-10-25T12:30:00.000Z'], // 9:30am GMT, the day the clocks go back
    ];
    const ics = buildFeed({
      name: 'Learning Hub: Shah, Priya',
      organizer,
      events: cases.map(([start, end], i) => event({ uid: inviteUid('b-1', `p-${i}`), start: new Date(start!), end: new Date(end!) })),
    });
    expect(events(ics).events.map((e) => [e.start, e.end])).toEqual(cases);
    expect(ics).toContain('DTSTART:20261025T003000Z');
    expect(ics).toContain('DTSTART:20261025T013000Z');
    expect(ics).toContain('DTSTART;TZID=Europe/London:20261025T093000');
  });

  it('is a valid empty calendar when there is nothing to show', () => {
    const parsed = events(buildFeed({ name: 'Learning Hub: Nobody', organizer, events: [] }));
    expect(parsed).toMatchObject({ method: 'PUBLISH', events: [] });
  });

  it('refuses nonsense', () => {
    expect(() => buildFeed({ name: 'x', organizer, events: [event({ sequence: -1 })] })).toThrow(/sequence/);
    expect(() => buildFeed({ name: 'x', organizer, events: [event({ end: event().start })] })).toThrow(/end must be after start/);
  });
});

describe('bookings in calendars', () => {
  it.each([
    [BookingStatus.CONFIRMED, false, 'CONFIRMED', true, 'Course'],
    [BookingStatus.PENDING_APPROVAL, false, 'TENTATIVE', true, 'Awaiting approval: Course'],
    [BookingStatus.OFFERED, false, 'TENTATIVE', true, 'Place offered: Course'],
    [BookingStatus.WAITLISTED, false, 'TENTATIVE', false, 'Waiting list: Course'],
    [BookingStatus.CANCELLED, false, 'CANCELLED', false, 'Cancelled: Course'],
    [BookingStatus.DECLINED, false, 'CANCELLED', false, 'Cancelled: Course'],
    [BookingStatus.EXPIRED, false, 'CANCELLED', false, 'Cancelled: Course'],
    [BookingStatus.CONFIRMED, true, 'CANCELLED', true, 'Cancelled: Course'],
  ])('%s (session cancelled: %s) shows as %s, in the feed: %s', (status, sessionCancelled, shown, feed, summary) => {
    expect(calendarStatusFor(status, sessionCancelled)).toBe(shown);
    expect(inCalendarFeed(status)).toBe(feed);
    expect(calendarSummary('Course', status, sessionCancelled)).toBe(summary);
  });
});

describe('a called-off session in feeds', () => {
  const endsAt = new Date('2026-05-05T11:30:00Z');
  it('shows until 30 days after the session was due to end', () => {
    expect(cancelledSessionInFeed(endsAt, new Date('2026-05-01T09:00:00Z'))).toBe(true);
    expect(cancelledSessionInFeed(endsAt, new Date('2026-06-04T11:29:00Z'))).toBe(true);
    expect(cancelledSessionInFeed(endsAt, new Date('2026-06-04T11:30:00Z'))).toBe(false);
  });

  it('gets a SEQUENCE above the last invite, which stays as it is for everything else', () => {
    expect(publishedSequence(undefined, false)).toBe(0);
    expect(publishedSequence(2, false)).toBe(2);
    expect(publishedSequence(undefined, true)).toBe(1);
    expect(publishedSequence(3, true)).toBe(4);
  });
});
