import { CourseFormat, Role } from '@lh/domain';
import { aCourse, aPerson } from '../../test/builders';
import { gql, signInAs, startTestApi, type GqlResult, type TestApi } from '../../test/test-db';
import { Session } from './session.entity';

const SESSION_FIELDS = `id startsAt endsAt parts { id date startTime endTime startOccurrence endOccurrence startsAt endsAt }`;
const CREATE_SESSION = `mutation($input: CreateSessionInput!) { createSession(input: $input) { ${SESSION_FIELDS} } }`;
const UPDATE_SESSION = `mutation($input: UpdateSessionInput!) { updateSession(input: $input) { ${SESSION_FIELDS} } }`;
const SESSION_ADMIN = `query($id: ID!) { sessionAdmin(id: $id) { ${SESSION_FIELDS} } }`;

interface AdminPart {
  id: string;
  date: string;
  startTime: string;
  endTime: string;
  startOccurrence: string | null;
  endOccurrence: string | null;
  startsAt: string;
  endsAt: string;
}
interface AdminSession {
  id: string;
  startsAt: string;
  endsAt: string;
  parts: AdminPart[];
}

/** The last Sunday of October (the clocks go back at 2am BST) of a year some way ahead. */
const YEAR = new Date().getUTCFullYear() + 2;
const lastSunday = (month: number) => {
  const d = new Date(Date.UTC(YEAR, month + 1, 0));
  d.setUTCDate(d.getUTCDate() - d.getUTCDay());
  return d;
};
const day = (d: Date, plus = 0) => new Date(d.getTime() + plus * 86_400_000).toISOString().slice(0, 10);
const AUTUMN = lastSunday(9);
const longDate = (d: Date) => d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const fields = (res: GqlResult) => res.errors?.[0]?.extensions?.fields ?? [];

/**
 * Rules of scheduling a session one coordinator could trip over: the hour that happens twice when the
 * clocks go back, parts far longer than the course, and e-learning (which has no sessions).
 */
describe('scheduling rules: the repeated autumn hour, course length, e-learning (real API, real PostgreSQL)', () => {
  let api: TestApi;
  let coordinator: string;

  beforeAll(async () => {
    api = await startTestApi();
    coordinator = await signInAs(api.url, await aPerson(api.orm.em.fork(), { roles: [Role.COORDINATOR] }));
  });
  afterAll(() => api.close());

  const em = () => api.orm.em.fork();
  const create = (input: Record<string, unknown>) => gql<{ createSession: AdminSession }>(api.url, CREATE_SESSION, { input }, coordinator);
  const update = (input: Record<string, unknown>) => gql<{ updateSession: AdminSession }>(api.url, UPDATE_SESSION, { input }, coordinator);
  const admin = async (id: string) =>
    (await gql<{ sessionAdmin: AdminSession }>(api.url, SESSION_ADMIN, { id }, coordinator)).data!.sessionAdmin;
  const plan = (parts: Record<string, unknown>[], over: Record<string, unknown> = {}) => ({
    parts,
    venueId: null,
    onlineUrl: 'https://meet.example.org/abc-defg',
    ...over,
  });

  describe('the hour repeated when the clocks go back', () => {
    it('refuses 01:30 on that day until the part says which 01:30 is meant, and saves nothing', async () => {
      const course = await aCourse(em());
      const res = await create({
        courseId: course.id,
        capacity: 10,
        ...plan([{ date: day(AUTUMN), startTime: '01:30', endTime: '03:00' }]),
      });
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(fields(res)).toEqual([
        {
          field: 'input.parts.0.startOccurrence',
          message: `Part 1: 01:30 on ${longDate(AUTUMN)} happens twice when the clocks go back: choose the first (BST) or second (GMT)`,
        },
      ]);
      expect(await em().count(Session, { course: course.id })).toBe(0);
    });

    it.each([
      ['FIRST', 0], // 01:30 BST is 00:30 UTC
      ['SECOND', 1], // 01:30 GMT is 01:30 UTC
    ] as const)('stores, shows and keeps the %s 01:30 as chosen', async (occurrence, utcHour) => {
      const course = await aCourse(em());
      const res = await create({
        courseId: course.id,
        capacity: 10,
        ...plan([{ date: day(AUTUMN), startTime: '01:30', endTime: '03:00', startOccurrence: occurrence }]),
      });
      expect(res.errors).toBeUndefined();
      const s = res.data!.createSession;
      const startsAt = `${day(AUTUMN)}T0${utcHour}:30:00.000Z`;
      expect(s.startsAt).toBe(startsAt);
      expect(s.parts[0]).toMatchObject({ startTime: '01:30', startOccurrence: occurrence, endOccurrence: null, startsAt });
      expect((await em().findOneOrFail(Session, s.id)).startsAt.toISOString()).toBe(startsAt);

      // the edit form sends the part back as it was given: the same instant, nothing refused
      const again = await update({ sessionId: s.id, ...plan([{ ...s.parts[0]!, id: undefined, startsAt: undefined, endsAt: undefined }]) });
      expect(again.errors).toBeUndefined();
      expect((await admin(s.id)).parts[0]!.startsAt).toBe(startsAt);
    });
  });

  describe("parts far longer than the course's usual length", () => {
    it('are refused until the coordinator confirms them, when adding and when moving a session', async () => {
      const course = await aCourse(em(), { durationMinutes: 180 });
      const fullDay = [{ date: day(AUTUMN, -40), startTime: '09:30', endTime: '16:30' }];
      const refused = await create({ courseId: course.id, capacity: 10, ...plan(fullDay) });
      expect(fields(refused)).toEqual([
        {
          field: 'input.confirmLongerThanCourse',
          message:
            "The parts add up to 1 day, far longer than the course's usual 3 hours: check the dates and times, or confirm the session is meant to be longer",
        },
      ]);
      expect(await em().count(Session, { course: course.id })).toBe(0);

      const halfDay = await create({
        courseId: course.id,
        capacity: 10,
        ...plan([{ date: day(AUTUMN, -40), startTime: '09:30', endTime: '12:30' }]),
      });
      expect(halfDay.errors).toBeUndefined();
      const id = halfDay.data!.createSession.id;

      // moving it to a full day asks too; saving other changes with the same times does not ask again
      expect(fields(await update({ sessionId: id, ...plan(fullDay) })).map((f) => f.field)).toEqual(['input.confirmLongerThanCourse']);
      const confirmed = await update({ sessionId: id, ...plan(fullDay, { confirmLongerThanCourse: true }) });
      expect(confirmed.errors).toBeUndefined();
      expect(confirmed.data!.updateSession.endsAt).toBe(`${day(AUTUMN, -40)}T15:30:00.000Z`);
      const otherChange = await update({ sessionId: id, ...plan(fullDay, { onlineUrl: 'https://meet.example.org/other' }) });
      expect(otherChange.errors).toBeUndefined();

      const created = await create({ courseId: course.id, capacity: 10, ...plan(fullDay, { confirmLongerThanCourse: true }) });
      expect(created.errors).toBeUndefined();
    });
  });

  it('refuses a session for an e-learning course', async () => {
    const course = await aCourse(em(), { format: CourseFormat.E_LEARNING });
    const res = await create({
      courseId: course.id,
      capacity: 10,
      ...plan([{ date: day(AUTUMN, -40), startTime: '09:30', endTime: '12:30' }]),
    });
    expect(fields(res)).toEqual([
      { field: 'input.courseId', message: "E-learning is done online at the learner's own pace: it has no sessions" },
    ]);
    expect(await em().count(Session, { course: course.id })).toBe(0);
  });
});
