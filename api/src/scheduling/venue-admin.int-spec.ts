// Scheduling (1 of 3): who may manage venues, sessions and trainers, and managing venues.
import { aCourse, aSession, aVenue } from '../../test/builders';
import { gql } from '../../test/test-db';
import { Venue } from './venue.entity';
import {
  ASSIGN,
  code,
  CREATE_SESSION,
  CREATE_VENUE,
  fields,
  POOL,
  REMOVE,
  SESSION_ADMIN,
  UPDATE_SESSION,
  UPDATE_VENUE,
  VENUES,
  useSchedulingApi,
} from './scheduling-test-support';

describe('scheduling: venues, sessions, trainers (real API, real PostgreSQL)', () => {
  const ctx = useSchedulingApi();
  const { em, sessionCount, plan, scheduled } = ctx;

  it('refuses everything to practitioners (NOT_ALLOWED) and to visitors (UNAUTHENTICATED)', async () => {
    const s = await aSession(em(), await aCourse(em()));
    const uuid = '00000000-0000-4000-8000-000000000000';
    const operations: [string, Record<string, unknown>][] = [
      [VENUES, {}],
      [POOL, {}],
      [SESSION_ADMIN, { id: s.id }],
      [CREATE_VENUE, { input: { name: 'A', address: 'B', rooms: [] } }],
      [UPDATE_VENUE, { input: { id: uuid, name: 'A', address: 'B', rooms: [] } }],
      [CREATE_SESSION, { input: { courseId: s.course.id, capacity: 5, ...plan() } }],
      [UPDATE_SESSION, { input: { sessionId: s.id, ...plan() } }],
      [ASSIGN, { input: { sessionId: s.id, personEmail: 'x@example.org' } }],
      [REMOVE, { s: s.id, p: uuid }],
    ];
    for (const [query, variables] of operations) {
      expect([query.slice(0, 40), code(await gql(ctx.api.url, query, variables, ctx.practitioner))]).toEqual([
        query.slice(0, 40),
        'NOT_ALLOWED',
      ]);
      expect(code(await gql(ctx.api.url, query, variables))).toBe('UNAUTHENTICATED');
    }
    expect(await sessionCount(s.course.id)).toBe(1);
  });

  describe('venues', () => {
    it('creates and lists a venue with rooms, capacity and accessibility notes', async () => {
      const res = await gql<{ createVenue: Record<string, unknown> }>(
        ctx.api.url,
        CREATE_VENUE,
        {
          input: {
            name: '  Northshire Civic Centre ',
            address: 'Town Hall Square, Northshire NS1 2AB',
            rooms: ['Committee Room 1', ' ', 'Council Chamber '],
            capacity: 60,
            accessibilityNotes: 'Step-free entrance on Mill Lane; hearing loop in the Council Chamber.',
          },
        },
        ctx.coordinator,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.createVenue).toMatchObject({
        name: 'Northshire Civic Centre',
        rooms: ['Committee Room 1', 'Council Chamber'],
        capacity: 60,
        accessibilityNotes: 'Step-free entrance on Mill Lane; hearing loop in the Council Chamber.',
        upcomingSessionCount: 0,
      });
      const list = await gql<{ venues: { id: string }[] }>(ctx.api.url, VENUES, {}, ctx.coordinator);
      expect(list.data!.venues.map((v) => v.id)).toContain((res.data!.createVenue as { id: string }).id);
    });

    it('names every invalid field, writing nothing', async () => {
      const before = await em().count(Venue, {});
      const res = await gql(
        ctx.api.url,
        CREATE_VENUE,
        { input: { name: ' ', address: '', rooms: ['x'.repeat(101)], capacity: 0 } },
        ctx.coordinator,
      );
      expect(code(res)).toBe('BAD_USER_INPUT');
      expect(fields(res)).toEqual(
        expect.arrayContaining([
          { field: 'input.name', message: 'Enter the name of the venue' },
          { field: 'input.address', message: 'Enter the address of the venue' },
          { field: 'input.rooms', message: 'Each room name must be 100 characters or fewer' },
          { field: 'input.capacity', message: 'Capacity must be between 1 and 5000' },
        ]),
      );
      const twice = await gql(
        ctx.api.url,
        CREATE_VENUE,
        { input: { name: 'A', address: 'B', rooms: ['Room 1', 'room 1'] } },
        ctx.coordinator,
      );
      expect(fields(twice)).toEqual([{ field: 'input.rooms', message: 'Give each room once: "room 1" is listed twice' }]);
      expect(await em().count(Venue, {})).toBe(before);
    });

    it('keeps rooms that coming sessions use', async () => {
      const venue = await aVenue(em(), { rooms: ['Room 1', 'Room 2'] });
      await scheduled({ venueId: venue.id, room: 'Room 2', onlineUrl: null });
      const input = { id: venue.id, name: venue.name, address: venue.address, rooms: ['Room 1'], capacity: null, accessibilityNotes: null };
      const res = await gql(ctx.api.url, UPDATE_VENUE, { input }, ctx.coordinator);
      expect(fields(res)).toEqual([
        { field: 'input.rooms', message: 'Rooms still in use cannot be removed: "Room 2" (1 coming session). Move those sessions first' },
      ]);
      const ok = await gql<{ updateVenue: { rooms: string[]; accessibilityNotes: string | null } }>(
        ctx.api.url,
        UPDATE_VENUE,
        { input: { ...input, rooms: ['Room 2', 'Room 3'], accessibilityNotes: 'Lift to all floors' } },
        ctx.coordinator,
      );
      expect(ok.data!.updateVenue).toMatchObject({ rooms: ['Room 2', 'Room 3'], accessibilityNotes: 'Lift to all floors' });
    });
  });
});
