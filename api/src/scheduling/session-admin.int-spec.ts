// Scheduling (2 of 3): creating sessions, in London time across the clock changes, and changing them.
import { BookingStatus, SessionStatus } from '@lh/domain';
import { aCourse, aSession, aVenue } from '../../test/builders';
import { gql } from '../../test/test-db';
import { Booking } from '../booking/booking.entity';
import { Session } from './session.entity';
import { SessionPart } from './session-part.entity';
import { AUTUMN, code, day, fields, SPRING, YEAR, useSchedulingApi } from './scheduling-test-support';

describe('scheduling: venues, sessions, trainers (real API, real PostgreSQL)', () => {
  const ctx = useSchedulingApi();
  const { em, create, update, admin, sessionCount, plan, scheduled, book, changedMail } = ctx;

  describe('creating sessions', () => {
    it('schedules a two-part session across the spring clock change, in London time', async () => {
      const course = await aCourse(em());
      const venue = await aVenue(em(), { rooms: ['Room 2'], capacity: 30 });
      const res = await create({
        courseId: course.id,
        capacity: 20,
        ...plan({
          venueId: venue.id,
          room: 'Room 2',
          onlineUrl: null,
          parts: [
            { date: day(SPRING, -2), startTime: '09:30', endTime: '16:00' },
            { date: day(SPRING, 1), startTime: '09:30', endTime: '16:00' },
          ],
          bookingOpensOn: day(SPRING, -60),
          bookingClosesOn: day(SPRING, -3),
        }),
        autoOfferWaitlist: false,
      });
      expect(res.errors).toBeUndefined();
      const s = res.data!.createSession;
      expect(s.parts.map((p) => [p.startsAt, p.endsAt])).toEqual([
        [`${day(SPRING, -2)}T09:30:00.000Z`, `${day(SPRING, -2)}T16:00:00.000Z`],
        [`${day(SPRING, 1)}T08:30:00.000Z`, `${day(SPRING, 1)}T15:00:00.000Z`],
      ]);
      expect(s.parts.map((p) => [p.date, p.startTime, p.endTime])).toEqual([
        [day(SPRING, -2), '09:30', '16:00'],
        [day(SPRING, 1), '09:30', '16:00'],
      ]);
      expect([s.startsAt, s.endsAt]).toEqual([s.parts[0]!.startsAt, s.parts[1]!.endsAt]);
      expect(s).toMatchObject({
        room: 'Room 2',
        onlineUrl: null,
        autoOfferWaitlist: false,
        venue: { id: venue.id },
        bookingOpensOn: day(SPRING, -60),
        bookingClosesOn: day(SPRING, -3),
        liveBookings: 0,
      });
      // the catalogue shows it to everyone
      const pub = await gql<{ course: { upcomingSessions: { id: string; parts: { startsAt: string }[] }[] } }>(
        ctx.api.url,
        `query($id: ID!) { course(id: $id) { upcomingSessions { id parts { startsAt } } } }`,
        { id: course.id },
      );
      expect(pub.data!.course.upcomingSessions).toEqual([{ id: s.id, parts: s.parts.map((p) => ({ startsAt: p.startsAt })) }]);
    });

    it('refuses a time that does not exist when the clocks go forward, naming the part', async () => {
      const course = await aCourse(em());
      const res = await create({
        courseId: course.id,
        capacity: 10,
        ...plan({
          parts: [
            { date: day(SPRING, -1), startTime: '09:30', endTime: '16:00' },
            { date: day(SPRING), startTime: '01:30', endTime: '04:00' },
          ],
        }),
      });
      expect(code(res)).toBe('BAD_USER_INPUT');
      expect(fields(res)).toEqual([
        {
          field: 'input.parts.1.startTime',
          message: expect.stringMatching(/^Part 2: 01:30 does not exist on Sunday .* clocks go forward/),
        },
      ]);
      expect(await sessionCount(course.id)).toBe(0);
    });

    it('accepts times around the autumn change', async () => {
      const s = await scheduled({ parts: [{ date: day(AUTUMN), startTime: '10:00', endTime: '13:00' }] });
      expect([s.parts[0]!.startsAt, s.parts[0]!.endsAt]).toEqual([`${day(AUTUMN)}T10:00:00.000Z`, `${day(AUTUMN)}T13:00:00.000Z`]);
    });

    it.each([
      [
        'end before start',
        { parts: [{ date: day(SPRING, -30), startTime: '12:30', endTime: '09:30' }] },
        'input.parts.0.endTime',
        'Part 1: the end time must be after the start time',
      ],
      [
        'overlapping parts',
        {
          parts: [
            { date: day(SPRING, -30), startTime: '09:30', endTime: '12:30' },
            { date: day(SPRING, -30), startTime: '12:00', endTime: '15:00' },
          ],
        },
        'input.parts.1.date',
        'Part 2 must start after part 1 ends: put the parts in date order, without overlapping',
      ],
      ['no parts', { parts: [] }, 'input.parts', 'Add at least one part: a date, a start time and an end time'],
      [
        'a date that is not real',
        { parts: [{ date: `${YEAR}-02-30`, startTime: '09:30', endTime: '12:30' }] },
        'input.parts.0.date',
        'Part 1: enter a real date',
      ],
      [
        'a time that is not HH:MM',
        { parts: [{ date: day(SPRING, -30), startTime: '9.30am', endTime: '12:30' }] },
        'input.parts.0.startTime',
        'Part 1: enter the start time as 24-hour HH:MM, like 09:30',
      ],
      [
        'a past date',
        { parts: [{ date: '2020-01-06', startTime: '09:30', endTime: '12:30' }] },
        'input.parts.0.date',
        'Part 1 must start in the future',
      ],
      ['neither venue nor link', { onlineUrl: null }, 'input.venueId', 'Choose a venue, or give the online link for an online session'],
      [
        'a link that is not https',
        { onlineUrl: 'http://meet.example.org/x' },
        'input.onlineUrl',
        'Enter the online link as a full https:// address, like https://meet.example.org/abc-defg',
      ],
      [
        'an unknown venue',
        { onlineUrl: null, venueId: '00000000-0000-4000-8000-000000000000' },
        'input.venueId',
        'Choose a venue from the list',
      ],
      ['a room without a venue', { room: 'Room 1' }, 'input.room', 'A room can only be given for a session at a venue'],
      [
        'booking closing before it opens',
        { bookingOpensOn: day(SPRING, -50), bookingClosesOn: day(SPRING, -51) },
        'input.bookingClosesOn',
        'Booking must close on or after the day it opens',
      ],
      [
        'booking closing after the first day',
        { bookingClosesOn: day(SPRING, -29) },
        'input.bookingClosesOn',
        'Booking must close on or before the first day of the session',
      ],
      [
        'booking opening after the start',
        { bookingOpensOn: day(SPRING, -29) },
        'input.bookingOpensOn',
        'Booking must open before the session starts',
      ],
      ['capacity 0', { capacity: 0 }, 'input.capacity', 'Capacity must be between 1 and 1000'],
    ])('refuses %s with a field message, writing nothing', async (_name, over, field, message) => {
      const course = await aCourse(em());
      const res = await create({ courseId: course.id, capacity: 10, ...plan(over) });
      expect(code(res)).toBe('BAD_USER_INPUT');
      expect(fields(res)).toContainEqual({ field, message });
      expect(await sessionCount(course.id)).toBe(0);
      expect(await em().count(SessionPart, { session: { course: course.id } })).toBe(0);
    });

    it('reports a bad number of places with every other problem at once, not in a second round', async () => {
      const course = await aCourse(em());
      for (const capacity of [-1, 0, 1001]) {
        const res = await create({
          courseId: course.id,
          capacity,
          ...plan({ onlineUrl: null, parts: [{ date: day(SPRING, -30), startTime: '', endTime: '' }] }),
        });
        expect(code(res)).toBe('BAD_USER_INPUT');
        const got = fields(res);
        expect(got).toContainEqual({ field: 'input.capacity', message: 'Capacity must be between 1 and 1000' });
        expect(got).toContainEqual({ field: 'input.venueId', message: 'Choose a venue, or give the online link for an online session' });
        expect(got.some((f) => f.field.startsWith('input.parts.0.'))).toBe(true);
      }
      expect(await sessionCount(course.id)).toBe(0);
    });

    it('refuses a venue and a link together, a room the venue does not have, more places than the venue holds, an unknown course', async () => {
      const course = await aCourse(em());
      const venue = await aVenue(em(), { name: 'Northshire College', rooms: ['Room A'], capacity: 16 });
      const both = await create({ courseId: course.id, capacity: 10, ...plan({ venueId: venue.id }) });
      expect(fields(both)).toEqual([{ field: 'input.onlineUrl', message: 'Give a venue or an online link, not both' }]);
      const room = await create({ courseId: course.id, capacity: 10, ...plan({ venueId: venue.id, onlineUrl: null, room: 'Room B' }) });
      expect(fields(room)).toEqual([{ field: 'input.room', message: 'Choose one of the rooms at Northshire College: Room A' }]);
      const big = await create({ courseId: course.id, capacity: 17, ...plan({ venueId: venue.id, onlineUrl: null }) });
      expect(fields(big)).toEqual([
        { field: 'input.capacity', message: 'Capacity must be 16 or fewer: that is the most Northshire College holds' },
      ]);
      const unknown = await create({ courseId: '00000000-0000-4000-8000-000000000000', capacity: 10, ...plan() });
      expect(fields(unknown)).toEqual([{ field: 'input.courseId', message: 'Choose a course from the list' }]);
      expect(await sessionCount(course.id)).toBe(0);
    });
  });

  describe('changing sessions', () => {
    it('moves parts in place (their ids stay), adds and removes at the end, and keeps the session start and end in step', async () => {
      const s = await scheduled({
        parts: [
          { date: day(SPRING, -30), startTime: '09:30', endTime: '12:30' },
          { date: day(SPRING, -29), startTime: '09:30', endTime: '12:30' },
        ],
      });
      const [p1, p2] = s.parts.map((p) => p.id);
      const moved = await update({
        sessionId: s.id,
        ...plan({
          parts: [
            { date: day(SPRING, -20), startTime: '10:00', endTime: '13:00' },
            { date: day(SPRING, -19), startTime: '10:00', endTime: '15:00' },
            { date: day(SPRING, -18), startTime: '10:00', endTime: '15:00' },
          ],
        }),
      });
      expect(moved.errors).toBeUndefined();
      const after = moved.data!.updateSession;
      expect(after.parts.map((p) => p.id).slice(0, 2)).toEqual([p1, p2]);
      expect(after.parts.map((p) => [p.date, p.startTime, p.endTime])).toEqual([
        [day(SPRING, -20), '10:00', '13:00'],
        [day(SPRING, -19), '10:00', '15:00'],
        [day(SPRING, -18), '10:00', '15:00'],
      ]);
      expect([after.startsAt, after.endsAt]).toEqual([after.parts[0]!.startsAt, after.parts[2]!.endsAt]);
      const row = await em().findOneOrFail(Session, s.id);
      expect([row.startsAt.toISOString(), row.endsAt.toISOString()]).toEqual([after.startsAt, after.endsAt]);

      const shorter = (
        await update({ sessionId: s.id, ...plan({ parts: [{ date: day(SPRING, -21), startTime: '09:00', endTime: '16:00' }] }) })
      ).data!.updateSession;
      expect(shorter.parts.map((p) => p.id)).toEqual([p1]);
      expect(await em().count(SessionPart, { session: s.id })).toBe(1);
      expect([shorter.startsAt, shorter.endsAt]).toEqual([shorter.parts[0]!.startsAt, shorter.parts[0]!.endsAt]);
    });

    it('tells the people booked what changed (a SESSION_CHANGED mail in the same transaction)', async () => {
      const venue = await aVenue(em(), { name: 'Civic Centre', rooms: ['Room 1', 'Room 2'] });
      const s = await scheduled({ venueId: venue.id, room: 'Room 1', onlineUrl: null });
      const confirmed = await book(s.id);
      const waiting = await book(s.id, BookingStatus.WAITLISTED);
      const cancelled = await book(s.id, BookingStatus.CANCELLED);
      expect((await admin(s.id)).liveBookings).toBe(2);

      // only the booking window changes: nobody booked needs to know
      const quiet = await update({
        sessionId: s.id,
        ...plan({ venueId: venue.id, room: 'Room 1', onlineUrl: null, bookingClosesOn: day(SPRING, -31) }),
      });
      expect(quiet.errors).toBeUndefined();
      expect(await changedMail(s.id)).toEqual([]);

      const res = await update({
        sessionId: s.id,
        ...plan({
          venueId: venue.id,
          room: 'Room 2',
          onlineUrl: null,
          parts: [{ date: day(SPRING, -25), startTime: '13:00', endTime: '16:30' }],
        }),
      });
      expect(res.errors).toBeUndefined();
      const mail = await changedMail(s.id);
      expect(mail.map((m) => m.toEmail).sort()).toEqual([confirmed.email, waiting.email].sort());
      expect(mail.map((m) => m.toEmail)).not.toContain(cancelled.email);
      const text = mail.find((m) => m.toEmail === confirmed.email)!.text;
      expect(text).toMatch(/New date: \w+day \d+ March \d{4}, 1pm to 4:30pm/);
      expect(text).toContain('New venue: Civic Centre, Room 2');
      // the confirmed person's calendar entry is updated, keeping the part's UID
      const invites = mail.find((m) => m.toEmail === confirmed.email)!.invites.getItems();
      expect(invites.map((i) => i.uid)).toEqual([expect.stringContaining(`-part-${s.parts[0]!.id}@`)]);
    });

    it('changes nothing, and tells nobody, when the change is refused', async () => {
      const s = await scheduled();
      await book(s.id);
      const res = await update({
        sessionId: s.id,
        ...plan({
          onlineUrl: 'https://meet.example.org/new',
          parts: [
            { date: day(SPRING, -25), startTime: '09:30', endTime: '12:30' },
            { date: day(SPRING), startTime: '01:15', endTime: '03:00' },
          ],
        }),
      });
      expect(code(res)).toBe('BAD_USER_INPUT');
      expect(fields(res)[0]!.field).toBe('input.parts.1.startTime');
      const now = await admin(s.id);
      expect(now.parts).toEqual(s.parts);
      expect(now.onlineUrl).toBe(s.onlineUrl);
      expect(await changedMail(s.id)).toEqual([]);
      expect(code(await update({ sessionId: '00000000-0000-4000-8000-000000000000', ...plan() }))).toBe('NOT_FOUND');
    });

    it('refuses changes to a cancelled session and new dates for one that has started', async () => {
      const e = em();
      const course = await aCourse(e);
      const cancelled = await aSession(e, course, { status: SessionStatus.CANCELLED, online: true });
      expect(code(await update({ sessionId: cancelled.id, ...plan() }))).toBe('SESSION_CANCELLED');
      const started = await aSession(e, course, { inDays: -1, online: true });
      expect(code(await update({ sessionId: started.id, ...plan() }))).toBe('SESSION_STARTED');
    });

    it('turns on automatic offers through the booking rules (a free place goes to the first person waiting)', async () => {
      const s = await scheduled({});
      await update({ sessionId: s.id, ...plan(), autoOfferWaitlist: false });
      expect((await admin(s.id)).autoOfferWaitlist).toBe(false);
      const waiting = await book(s.id, BookingStatus.WAITLISTED);
      await update({ sessionId: s.id, ...plan(), autoOfferWaitlist: true });
      expect((await admin(s.id)).autoOfferWaitlist).toBe(true);
      const booking = await em().findOneOrFail(Booking, { session: s.id, person: waiting.id });
      expect(booking.status).toBe(BookingStatus.OFFERED);
    });
  });
});
