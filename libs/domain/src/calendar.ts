import { TZDate } from '@date-fns/tz';
import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { PARTNERSHIP_TIME_ZONE, londonToUtc, repeatedOccurrenceOf } from './london-time';
import { BookingStatus } from './enums';
import { isActive } from './booking-rules';

/** iTIP methods the partnership sends: an invitation (new or updated) and its withdrawal. */
export enum InviteMethod {
  REQUEST = 'REQUEST',
  CANCEL = 'CANCEL',
}

export interface InvitePerson {
  name: string;
  email: string;
}

/** Everything one calendar invite (one VEVENT) says. */
export interface InviteSpec {
  method: `${InviteMethod}`;
  /** Stays the same for a person's place on one part of a session for its whole life: see inviteUid. */
  uid: string;
  /** Rises with every change sent for this uid (0 for the first invite). */
  sequence: number;
  organizer: InvitePerson;
  attendee: InvitePerson;
  summary: string;
  description: string;
  /** Venue name and address, or "Online". */
  location: string;
  start: Date;
  end: Date;
  url?: string;
  /** DTSTAMP; defaults to now. */
  stamp?: Date;
}

/** The invite UID for one person's place on one part of a session. */
export function inviteUid(bookingId: string, partId: string): string {
  return `booking-${bookingId}-part-${partId}@learninghub`;
}

/**
 * The start every invite UID of one trainer's assignment to one session shares (see trainerInviteUid):
 * the outbox finds the invites of an assignment by it, as it finds a booking's by the booking.
 */
export function trainerInviteUidPrefix(sessionId: string, personId: string): string {
  return `trainer-${sessionId}-${personId}-part-`;
}

/**
 * The invite UID for a trainer on one part of a session they train: stable for that trainer, session
 * and part, and never the same as a booking's (a trainer who also booked would otherwise see one event).
 */
export function trainerInviteUid(sessionId: string, personId: string, partId: string): string {
  return `${trainerInviteUidPrefix(sessionId, personId)}${partId}@learninghub`;
}

/**
 * VTIMEZONE for Europe/London under the rules in force since 1996: BST (UTC+1) from 01:00 UTC on the
 * last Sunday of March to 01:00 UTC on the last Sunday of October, GMT otherwise. DTSTART in each
 * observance is local time before the change (01:00 GMT; 02:00 BST), as RFC 5545 requires.
 */
const LONDON_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/London',
  'X-LIC-LOCATION:Europe/London',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0000',
  'TZOFFSETTO:+0100',
  'TZNAME:BST',
  'DTSTART:19700329T010000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0000',
  'TZNAME:GMT',
  'DTSTART:19701025T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

function vtimezone(tzid: string): string | null {
  if (tzid !== PARTNERSHIP_TIME_ZONE) {
    throw new RangeError(`No VTIMEZONE is defined for ${tzid}`);
  }
  return LONDON_VTIMEZONE;
}

/**
 * DTSTART/DTEND of an event: Europe/London wall-clock time with TZID, except when either time falls
 * in the hour repeated when the clocks go back (01:00 to 01:59 on the last Sunday of October). Local
 * time cannot say which 01:30 is meant there, and readers disagree (RFC 5545 says the first; ical.js
 * takes the second), so such an event is written in UTC ("...Z"), which every reader places the same.
 */
function eventTimes(start: Date, end: Date): { start: Date; end: Date; timezone: string | null } {
  if (repeatedOccurrenceOf(start) || repeatedOccurrenceOf(end)) {
    return { start, end, timezone: null };
  }
  // TZDate gives ical-generator London wall-clock parts whatever the server's own time zone is.
  const london = (d: Date) => new TZDate(d.getTime(), PARTNERSHIP_TIME_ZONE);
  return { start: london(start), end: london(end), timezone: PARTNERSHIP_TIME_ZONE };
}

/**
 * The .ics text of one invite (METHOD:REQUEST) or its cancellation (METHOD:CANCEL, STATUS:CANCELLED),
 * with DTSTART/DTEND in Europe/London local time and the VTIMEZONE that defines it, so calendars
 * place sessions correctly either side of the March and October clock changes (in UTC in the
 * repeated hour: see eventTimes).
 */
export function buildInvite(spec: InviteSpec): string {
  if (!Number.isInteger(spec.sequence) || spec.sequence < 0) {
    throw new RangeError('sequence must be a whole number, 0 or more');
  }
  if (!(spec.end.getTime() > spec.start.getTime())) {
    throw new RangeError('end must be after start');
  }
  const cancel = spec.method === InviteMethod.CANCEL;
  const calendar = ical({
    prodId: { company: 'Learning Hub', product: 'Training bookings', language: 'EN' },
    method: cancel ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
    // No calendar-wide zone (it would also apply to DTSTAMP, which must be UTC): the events name theirs.
    timezone: { name: null, generator: vtimezone },
  });
  calendar.createEvent({
    id: spec.uid,
    sequence: spec.sequence,
    stamp: spec.stamp ?? new Date(),
    ...eventTimes(spec.start, spec.end),
    summary: spec.summary,
    description: spec.description,
    location: spec.location,
    url: spec.url ?? null,
    status: cancel ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: { name: spec.organizer.name, email: spec.organizer.email },
    attendees: [
      {
        name: spec.attendee.name,
        email: spec.attendee.email,
        role: ICalAttendeeRole.REQ,
        status: cancel ? ICalAttendeeStatus.DECLINED : ICalAttendeeStatus.NEEDSACTION,
        rsvp: false,
      },
    ],
  });
  return calendar.toString();
}

/** STATUS of an event in a published calendar (a feed or a downloaded file). */
export type CalendarEventStatus = 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED';

/** One VEVENT of a published calendar: the same UID (and latest SEQUENCE) as the invite for that place and part. */
export interface CalendarEvent {
  uid: string;
  sequence: number;
  status: CalendarEventStatus;
  summary: string;
  description: string;
  location: string;
  start: Date;
  end: Date;
  url?: string;
}

/** A calendar for publishing (METHOD:PUBLISH): a person's feed, or one booking as a download. */
export interface CalendarSpec {
  /** X-WR-CALNAME / NAME, the name calendar apps show for a subscribed feed. */
  name: string;
  organizer: InvitePerson;
  events: CalendarEvent[];
  /** How often calendar apps should fetch a feed again (REFRESH-INTERVAL, X-PUBLISHED-TTL), in seconds. */
  refreshSeconds?: number;
  /** DTSTAMP of every event; defaults to now. */
  stamp?: Date;
}

/** Escapes a TEXT value (RFC 5545 3.3.11) that ical-generator writes as it is (the calendar name). */
const escapeText = (v: string) => v.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');

/**
 * A published calendar (METHOD:PUBLISH): no attendees and no replies asked for, just the events,
 * each with the UID of its invite so calendar apps that have the invite do not show it twice.
 * Times are Europe/London wall-clock with TZID and the VTIMEZONE that defines it (UTC in the repeated
 * hour), as in invites.
 */
export function buildFeed(spec: CalendarSpec): string {
  for (const e of spec.events) {
    if (!Number.isInteger(e.sequence) || e.sequence < 0) {
      throw new RangeError('sequence must be a whole number, 0 or more');
    }
    if (!(e.end.getTime() > e.start.getTime())) {
      throw new RangeError('end must be after start');
    }
  }
  const calendar = ical({
    prodId: { company: 'Learning Hub', product: 'Training bookings', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
    name: escapeText(spec.name),
    ttl: spec.refreshSeconds ?? null,
    timezone: { name: null, generator: vtimezone },
  });
  const stamp = spec.stamp ?? new Date();
  for (const e of spec.events) {
    calendar.createEvent({
      id: e.uid,
      sequence: e.sequence,
      stamp,
      ...eventTimes(e.start, e.end),
      summary: e.summary,
      description: e.description,
      location: e.location,
      url: e.url ?? null,
      status: ICalEventStatus[e.status],
      organizer: { name: spec.organizer.name, email: spec.organizer.email },
    });
  }
  return calendar.toString();
}

/**
 * How a booking shows in a published calendar: a confirmed place as CONFIRMED; a place held while a
 * manager decides or an offer is open, or a place in the waiting list, as TENTATIVE; anything ended,
 * or a session called off, as CANCELLED.
 */
export function calendarStatusFor(status: BookingStatus, sessionCancelled: boolean): CalendarEventStatus {
  if (sessionCancelled || !isActive(status)) {
    return 'CANCELLED';
  }
  return status === BookingStatus.CONFIRMED ? 'CONFIRMED' : 'TENTATIVE';
}

/**
 * Whether a person's calendar feed lists a booking: places they have or hold (not the waiting list,
 * which is no place yet, nor cancelled or ended bookings, which simply leave the feed). A place on a
 * session that was called off stays a while longer, as CANCELLED: see cancelledSessionInFeed.
 */
export function inCalendarFeed(status: BookingStatus): boolean {
  return status === BookingStatus.CONFIRMED || status === BookingStatus.PENDING_APPROVAL || status === BookingStatus.OFFERED;
}

/** How long after its original end a called-off session still shows in feeds, as CANCELLED. */
export const CANCELLED_SESSION_FEED_DAYS = 30;

/**
 * Whether a feed still shows a place the person had (or held) on a session that was called off: as
 * STATUS:CANCELLED, until CANCELLED_SESSION_FEED_DAYS after the session was due to end, so calendars
 * that subscribe mark it cancelled instead of it simply vanishing.
 */
export function cancelledSessionInFeed(sessionEndsAt: Date, now: Date): boolean {
  return sessionEndsAt.getTime() > cancelledSessionFeedCutoff(now).getTime();
}

/** Called-off sessions that ended after this instant still show in feeds (see cancelledSessionInFeed). */
export function cancelledSessionFeedCutoff(now: Date): Date {
  return new Date(now.getTime() - CANCELLED_SESSION_FEED_DAYS * 86_400_000);
}

/**
 * The SEQUENCE a published calendar gives an event: the last invite's for that UID (0 if none was
 * sent), and one more for a session that was called off, so the CANCELLED event is newer than
 * anything the feed, or an invite, said before (a place held while a manager decided never got one).
 */
export function publishedSequence(lastInviteSequence: number | undefined, sessionCancelled: boolean): number {
  const last = lastInviteSequence ?? 0;
  return sessionCancelled ? last + 1 : last;
}

/** The event title for a booking: the invite's title, with what is not settled yet said first. */
export function calendarSummary(title: string, status: BookingStatus, sessionCancelled: boolean): string {
  if (sessionCancelled || !isActive(status)) {
    return `Cancelled: ${title}`;
  }
  switch (status) {
    case BookingStatus.PENDING_APPROVAL:
      return `Awaiting approval: ${title}`;
    case BookingStatus.OFFERED:
      return `Place offered: ${title}`;
    case BookingStatus.WAITLISTED:
      return `Waiting list: ${title}`;
    default:
      return title;
  }
}

/** What a received invite says, as far as the partnership's own invites go (for the development mail page). */
export interface InviteSummary {
  method: string | null;
  uid: string | null;
  sequence: number | null;
  status: string | null;
  summary: string | null;
  location: string | null;
  start: Date | null;
  end: Date | null;
}

/** Unfolds content lines (RFC 5545 3.1) and splits each into name, parameters and value. */
function contentLines(ics: string): { name: string; params: Record<string, string>; value: string }[] {
  const unfolded = ics.replace(/\r?\n[ \t]/g, '').split(/\r?\n/);
  return unfolded
    .filter((line) => line.includes(':'))
    .map((line) => {
      const colon = line.search(/:(?=(?:[^"]*"[^"]*")*[^"]*$)/);
      const [head, value] = [line.slice(0, colon), line.slice(colon + 1)];
      const [name = '', ...rawParams] = head.split(';');
      const params: Record<string, string> = {};
      for (const p of rawParams) {
        const eq = p.indexOf('=');
        if (eq > 0) {
          params[p.slice(0, eq).toUpperCase()] = p.slice(eq + 1).replace(/^"|"$/g, '');
        }
      }
      return { name: name.toUpperCase(), params, value };
    });
}

const unescapeText = (v: string) => v.replace(/\\n/gi, '\n').replace(/\\([,;\\])/g, '$1');

/** A DATE-TIME in UTC ("...Z") or in Europe/London (TZID); anything else is not ours and gives null. */
function instantOf(value: string, tzid: string | undefined): Date | null {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(Z?)$/.exec(value);
  if (!m) {
    return null;
  }
  const [, y, mo, d, h, mi, s, z] = m;
  if (z) {
    return new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)));
  }
  if (tzid !== PARTNERSHIP_TIME_ZONE) {
    return null;
  }
  try {
    return new Date(londonToUtc(`${y}-${mo}-${d}`, `${h}:${mi}`).getTime() + Number(s) * 1000);
  } catch {
    return null;
  }
}

/** Reads method, UID, SEQUENCE, times and place of the first event in an .ics text. */
export function readInvite(ics: string): InviteSummary {
  const out: InviteSummary = {
    method: null,
    uid: null,
    sequence: null,
    status: null,
    summary: null,
    location: null,
    start: null,
    end: null,
  };
  let depth: string[] = [];
  let seenEvent = false;
  for (const { name, params, value } of contentLines(ics)) {
    if (name === 'BEGIN') {
      depth = [...depth, value.toUpperCase()];
      continue;
    }
    if (name === 'END') {
      if (depth.at(-1) === 'VEVENT') {
        seenEvent = true;
      }
      depth = depth.slice(0, -1);
      continue;
    }
    const where = depth.at(-1);
    if (where === 'VCALENDAR' && name === 'METHOD') {
      out.method = value.toUpperCase();
    }
    if (where !== 'VEVENT' || seenEvent) {
      continue;
    }
    if (name === 'UID') {
      out.uid = value;
    }
    if (name === 'SEQUENCE') {
      out.sequence = Number.parseInt(value, 10);
    }
    if (name === 'STATUS') {
      out.status = value.toUpperCase();
    }
    if (name === 'SUMMARY') {
      out.summary = unescapeText(value);
    }
    if (name === 'LOCATION') {
      out.location = unescapeText(value);
    }
    if (name === 'DTSTART') {
      out.start = instantOf(value, params.TZID);
    }
    if (name === 'DTEND') {
      out.end = instantOf(value, params.TZID);
    }
  }
  return out;
}
