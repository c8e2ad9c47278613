import { BookingStatus, CourseFormat, SessionStatus } from '@lh/domain';
import { aCourse, aPriorityArea, aSession, bookings } from '../../test/builders';
import { gql, startTestApi, type TestApi } from '../../test/test-db';

const COURSES = `query($filter: CourseFilterInput) { courses(filter: $filter) { id title upcomingSessionCount upcomingPlacesLeft } }`;
const COURSE = `query($id: ID!) { course(id: $id) { id title upcomingSessions { id placesLeft capacity online parts { startsAt endsAt } venue { name } } } }`;

describe('catalogue (real API, real PostgreSQL)', () => {
  let api: TestApi;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    api = await startTestApi();
    const em = api.orm.em.fork();
    const neglect = await aPriorityArea(em, 'Neglect');
    const da = await aPriorityArea(em, 'Domestic Abuse');
    ids.neglect = neglect.id;

    const gcp2 = await aCourse(em, { title: 'Graded Care Profile 2 assessment tool training', priorityArea: neglect, level: 3 });
    const dash = await aCourse(em, {
      title: 'DASH risk checklist',
      summary: 'Using the DASH checklist to assess risk.',
      priorityArea: da,
      level: 2,
    });
    const teen = await aCourse(em, { title: 'Domestic Abuse and Teen Dating', priorityArea: da, level: 3, format: CourseFormat.VIRTUAL });
    const old = await aCourse(em, { title: 'Safer sleep', priorityArea: neglect, level: 1, format: CourseFormat.E_LEARNING });
    Object.assign(ids, { gcp2: gcp2.id, dash: dash.id, teen: teen.id, old: old.id });

    // GCP2: one coming session with 3 of 12 places taken (and one cancelled booking that frees its place)
    const s1 = await aSession(em, gcp2, { inDays: 14, capacity: 12 });
    await bookings(em, s1, 3);
    await bookings(em, s1, 1, BookingStatus.CANCELLED);
    ids.gcp2Session = s1.id;
    // a two-day session, 5 places, none taken
    const s2 = await aSession(em, gcp2, { inDays: 30, capacity: 5, parts: 2 });
    ids.gcp2TwoDay = s2.id;
    // DASH: one coming session, full
    const s3 = await aSession(em, dash, { inDays: 7, capacity: 2 });
    await bookings(em, s3, 2);
    // Teen dating: online, a cancelled coming session only
    await aSession(em, teen, { inDays: 5, online: true, status: SessionStatus.CANCELLED });
    // Safer sleep: only a past session
    await aSession(em, old, { inDays: -20 });
  });
  afterAll(() => api.close());

  const titles = (res: { data: { courses: { title: string }[] } | null }) => res.data?.courses.map((c) => c.title);

  it('lists all courses by title with upcoming counts and places', async () => {
    const res = await gql<{ courses: { id: string; title: string; upcomingSessionCount: number; upcomingPlacesLeft: number }[] }>(
      api.url,
      COURSES,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.courses).toEqual([
      { id: ids.dash, title: 'DASH risk checklist', upcomingSessionCount: 1, upcomingPlacesLeft: 0 },
      { id: ids.teen, title: 'Domestic Abuse and Teen Dating', upcomingSessionCount: 0, upcomingPlacesLeft: 0 },
      { id: ids.gcp2, title: 'Graded Care Profile 2 assessment tool training', upcomingSessionCount: 2, upcomingPlacesLeft: 9 + 5 },
      { id: ids.old, title: 'Safer sleep', upcomingSessionCount: 0, upcomingPlacesLeft: 0 },
    ]);
  });

  it('filters by level, format, priority area and text', async () => {
    expect(titles(await gql(api.url, COURSES, { filter: { level: 3 } }))).toEqual([
      'Domestic Abuse and Teen Dating',
      'Graded Care Profile 2 assessment tool training',
    ]);
    expect(titles(await gql(api.url, COURSES, { filter: { format: 'VIRTUAL' } }))).toEqual(['Domestic Abuse and Teen Dating']);
    expect(titles(await gql(api.url, COURSES, { filter: { priorityAreaId: ids.neglect } }))).toEqual([
      'Graded Care Profile 2 assessment tool training',
      'Safer sleep',
    ]);
    expect(titles(await gql(api.url, COURSES, { filter: { search: 'dash checklist' } }))).toEqual(['DASH risk checklist']);
    expect(titles(await gql(api.url, COURSES, { filter: { search: 'domestic' } }))).toEqual([
      'DASH risk checklist',
      'Domestic Abuse and Teen Dating',
    ]);
    expect(titles(await gql(api.url, COURSES, { filter: { search: '100%_' } }))).toEqual([]);
  });

  it('filters to courses with places on a coming session', async () => {
    expect(titles(await gql(api.url, COURSES, { filter: { hasUpcomingPlaces: true } }))).toEqual([
      'Graded Care Profile 2 assessment tool training',
    ]);
  });

  it('combines filters', async () => {
    expect(titles(await gql(api.url, COURSES, { filter: { level: 2, priorityAreaId: ids.neglect } }))).toEqual([]);
  });

  it('shows a course with its coming sessions, soonest first, with places left', async () => {
    const res = await gql<{
      course: {
        upcomingSessions: { id: string; placesLeft: number; capacity: number; parts: unknown[]; venue: { name: string } | null }[];
      };
    }>(api.url, COURSE, { id: ids.gcp2 });
    expect(res.errors).toBeUndefined();
    const sessions = res.data!.course.upcomingSessions;
    expect(sessions.map((s) => [s.id, s.placesLeft, s.capacity, s.parts.length])).toEqual([
      [ids.gcp2Session, 9, 12, 1],
      [ids.gcp2TwoDay, 5, 5, 2],
    ]);
    expect(sessions[0]!.venue?.name).toMatch(/^Venue /);
  });

  it('leaves out cancelled and past sessions', async () => {
    const teen = await gql<{ course: { upcomingSessions: unknown[] } }>(api.url, COURSE, { id: ids.teen });
    expect(teen.data?.course.upcomingSessions).toEqual([]);
    const old = await gql<{ course: { upcomingSessions: unknown[] } }>(api.url, COURSE, { id: ids.old });
    expect(old.data?.course.upcomingSessions).toEqual([]);
  });

  it('names the field when a filter value is invalid', async () => {
    const res = await gql(api.url, COURSES, { filter: { level: 7 } });
    expect(res.data).toBeNull();
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.extensions?.fields).toEqual([{ field: 'filter.level', message: 'Level must be between 1 and 4' }]);
  });

  it('says when a course does not exist', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000']) {
      const res = await gql(api.url, COURSE, { id });
      expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect(res.errors?.[0]?.message).toMatch(/no course/);
    }
  });

  it('answers malformed GraphQL and unknown fields with 400 and no stack trace', async () => {
    for (const query of ['{ courses { id ', '{ courses { id secretField } }']) {
      const res = await gql(api.url, query);
      expect(res.status).toBe(400);
      expect(res.errors?.[0]?.extensions?.code).toMatch(/GRAPHQL_(PARSE|VALIDATION)_FAILED/);
      expect(JSON.stringify(res.errors)).not.toMatch(/stacktrace|\.ts:\d+|at /);
    }
  });

  it('rejects a wrongly typed argument without a stack trace', async () => {
    const res = await gql(api.url, COURSES, { filter: { level: 'three' } });
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(res.errors)).not.toMatch(/stacktrace/);
  });
});
