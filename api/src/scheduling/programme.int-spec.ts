// The coordinators' programme: every filter, both sorts, totals of the whole filtered set, pages, and bad filters.
import { randomBytes, randomUUID } from 'node:crypto';
import { BookingStatus, CourseFormat, Role, SessionStatus, londonParts, londonToUtc } from '@lh/domain';
import { aCourse, aPerson, aPriorityArea, aSession, bookings } from '../../test/builders';
import { gql, signInAs, startTestApi, type GqlResult, type TestApi } from '../../test/test-db';
import { Session } from './session.entity';
import { SessionPart } from './session-part.entity';

const PROGRAMME = `query($filter: ProgrammeFilterInput) { programmeSessions(filter: $filter) {
  page pageCount from to totals { sessions places booked waiting approvalsWaiting }
  sessions { sessionId courseTitle format status capacity confirmed booked approvalsWaiting waiting placesLeft venueName trainers } } }`;
const MONTH = `query($month: String!, $filter: ProgrammeFilterInput) { programmeMonth(month: $month, filter: $filter) {
  month totals { sessions } sessions { sessionId startsAt } } }`;

interface Page {
  page: number;
  pageCount: number;
  from: string | null;
  to: string | null;
  totals: { sessions: number; places: number; booked: number; waiting: number; approvalsWaiting: number };
  sessions: {
    sessionId: string;
    trainers: string[];
    booked: number;
    approvalsWaiting: number;
    waiting: number;
    venueName: string | null;
  }[];
}
const fields = (res: GqlResult) => res.errors?.[0]?.extensions?.fields ?? [];
const DAY = 86_400_000;
const dateIn = (days: number) => londonParts(new Date(Date.now() + days * DAY)).date;

describe('the programme (real API, real PostgreSQL)', () => {
  let api: TestApi;
  let coordinator: string;
  beforeAll(async () => {
    api = await startTestApi();
    coordinator = await signInAs(api.url, await aPerson(api.orm.em.fork(), { roles: [Role.COORDINATOR] }));
  });
  afterAll(() => api.close());
  const em = () => api.orm.em.fork();
  const run = (filter: Record<string, unknown>) => gql<{ programmeSessions: Page }>(api.url, PROGRAMME, { filter }, coordinator);
  const ids = async (filter: Record<string, unknown>) => {
    const res = await run(filter);
    expect(res.errors).toBeUndefined();
    return res.data!.programmeSessions.sessions.map((s) => s.sessionId);
  };

  describe('a small programme', () => {
    const tag = randomBytes(4).toString('hex');
    let area: string;
    let s1: Session, s2: Session, s3: Session, s4: Session, s5: Session;
    let trainer: { id: string; name: string };
    beforeAll(async () => {
      const e = em();
      const a = await aPriorityArea(e);
      area = a.id;
      const alpha = await aCourse(e, { title: `Alpha ${tag}`, priorityArea: a });
      const beta = await aCourse(e, { title: `Beta ${tag}`, format: CourseFormat.VIRTUAL });
      s1 = await aSession(e, alpha, { inDays: 5, capacity: 10 });
      s2 = await aSession(e, alpha, { inDays: 20, capacity: 10 });
      s3 = await aSession(e, beta, { inDays: 7, capacity: 4, online: true });
      s4 = await aSession(e, alpha, { inDays: -10, capacity: 10 });
      s5 = await aSession(e, beta, { inDays: 9, capacity: 6, status: SessionStatus.CANCELLED, online: true });
      await bookings(e, s1, 3);
      await bookings(e, s1, 1, BookingStatus.PENDING_APPROVAL);
      await bookings(e, s1, 2, BookingStatus.WAITLISTED);
      await bookings(e, s2, 8);
      await bookings(e, s4, 9);
      const t = await aPerson(e, { roles: [Role.TRAINER], name: `Tariq ${tag}` });
      trainer = { id: t.id, name: t.name };
      const session = await e.findOneOrFail(Session, s1.id);
      session.trainers.add(t);
      await e.flush();
    });

    it('lists sessions from today by date, with totals of them all and the trainers', async () => {
      const res = await run({ text: tag });
      expect(res.errors).toBeUndefined();
      const p = res.data!.programmeSessions;
      expect(p.sessions.map((s) => s.sessionId)).toEqual([s1.id, s3.id, s5.id, s2.id]);
      expect(p.from).toBe(londonParts(new Date()).date);
      // places leave out the cancelled session; booked counts places held (confirmed and awaiting approval)
      expect(p.totals).toEqual({ sessions: 4, places: 24, booked: 12, waiting: 2, approvalsWaiting: 1 });
      expect(p.sessions[0]).toMatchObject({ trainers: [trainer.name], booked: 4, approvalsWaiting: 1, waiting: 2 });
      expect(p.sessions[1]).toMatchObject({ venueName: null, trainers: [] });
    });

    it('filters by each field', async () => {
      expect(await ids({ text: tag, from: dateIn(-30) })).toEqual([s4.id, s1.id, s3.id, s5.id, s2.id]);
      expect(await ids({ text: tag, from: dateIn(-30), to: dateIn(-1) })).toEqual([s4.id]);
      expect(await ids({ text: tag, to: dateIn(8) })).toEqual([s4.id, s1.id, s3.id]);
      expect(await ids({ text: tag, from: dateIn(0), to: dateIn(8) })).toEqual([s1.id, s3.id]);
      expect(await ids({ text: `alpha ${tag}` })).toEqual([s1.id, s2.id]);
      expect(await ids({ text: `${tag}%` })).toEqual([]);
      expect(await ids({ priorityAreaId: area })).toEqual([s1.id, s2.id]);
      expect(await ids({ courseId: s3.course.id })).toEqual([s3.id, s5.id]);
      expect(await ids({ venueId: s2.venue!.id })).toEqual([s2.id]);
      expect(await ids({ trainerId: trainer.id })).toEqual([s1.id]);
      expect(await ids({ text: tag, format: 'VIRTUAL' })).toEqual([s3.id, s5.id]);
      expect(await ids({ text: tag, withWaitingList: true })).toEqual([s1.id]);
      expect(await ids({ text: tag, withApprovalsWaiting: true })).toEqual([s1.id]);
      expect(await ids({ text: tag, status: 'CANCELLED' })).toEqual([s5.id]);
      expect(await ids({ text: tag, status: 'SCHEDULED' })).toEqual([s1.id, s3.id, s2.id]);
    });

    it('sorts by fill, emptiest first, then by date', async () => {
      expect(await ids({ text: tag, sort: 'FILL' })).toEqual([s3.id, s5.id, s1.id, s2.id]);
    });

    it('gives a month of the programme with the same filter, past days too', async () => {
      const month = dateIn(-10).slice(0, 7);
      const res = await gql<{ programmeMonth: { sessions: { sessionId: string }[] } }>(
        api.url,
        MONTH,
        { month, filter: { text: tag, status: 'SCHEDULED' } },
        coordinator,
      );
      expect(res.errors).toBeUndefined();
      const all = [s4, s1, s3, s2].filter((s) => londonParts(s.startsAt).date.startsWith(month)).map((s) => s.id);
      expect(res.data!.programmeMonth.sessions.map((s) => s.sessionId)).toEqual(all);
      const bad = await gql(api.url, MONTH, { month: '2027-13' }, coordinator);
      expect(fields(bad)).toEqual([{ field: 'month', message: 'The month must be a real month, like 2027-01' }]);
    });
  });

  it('puts a session in the month of the London day it starts, around the clock changes', async () => {
    const year = new Date().getUTCFullYear() + 2;
    const lastSunday = (month: number) => {
      const d = new Date(Date.UTC(year, month + 1, 0));
      d.setUTCDate(d.getUTCDate() - d.getUTCDay());
      return d.toISOString().slice(0, 10);
    };
    const autumn = lastSunday(9);
    const e = em();
    const course = await aCourse(e, { title: `Clock change ${randomBytes(4).toString('hex')}` });
    const at = async (startsAt: Date) => {
      const session = e.create(Session, {
        course,
        onlineUrl: 'https://meet.example.org/x',
        capacity: 5,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 3_600_000),
      });
      e.create(SessionPart, { session, startsAt: session.startsAt, endsAt: session.endsAt });
      await e.flush();
      return session.id;
    };
    // 1:30am GMT, the second 1:30 of the day the clocks go back; and 00:30 BST on 1 April (23:30 UTC on 31 March)
    const repeated = await at(londonToUtc(autumn, '01:30', 'SECOND'));
    const april = await at(londonToUtc(`${year}-04-01`, '00:30'));
    const month = async (m: string) =>
      (
        await gql<{ programmeMonth: { sessions: { sessionId: string; startsAt: string }[] } }>(
          api.url,
          MONTH,
          { month: m, filter: { courseId: course.id } },
          coordinator,
        )
      ).data!.programmeMonth.sessions;
    const october = await month(`${year}-10`);
    expect(october.map((s) => s.sessionId)).toEqual([repeated]);
    expect(londonParts(new Date(october[0]!.startsAt)).date).toBe(autumn);
    expect((await month(`${year}-04`)).map((s) => s.sessionId)).toEqual([april]);
    expect(await month(`${year}-03`)).toEqual([]);
  });

  it('pages 25 at a time, counting the whole set, and shows the last page for a page past the end', async () => {
    const tag = randomBytes(4).toString('hex');
    const e = em();
    const course = await aCourse(e, { title: `Paged ${tag}` });
    for (let i = 0; i < 27; i++) {
      await aSession(e, course, { inDays: 3 + i, capacity: 5, online: true });
    }
    const first = (await run({ text: tag })).data!.programmeSessions;
    expect(first.sessions).toHaveLength(25);
    expect([first.page, first.pageCount, first.totals.sessions, first.totals.places]).toEqual([1, 2, 27, 135]);
    const second = (await run({ text: tag, page: 2 })).data!.programmeSessions;
    expect(second.sessions).toHaveLength(2);
    expect(second.totals.sessions).toBe(27);
    expect(new Set([...first.sessions, ...second.sessions].map((s) => s.sessionId)).size).toBe(27);
    const past = (await run({ text: tag, page: 9 })).data!.programmeSessions;
    expect(past.page).toBe(2);
    expect(past.sessions).toHaveLength(2);
    const none = (await run({ text: `${tag}-nothing` })).data!.programmeSessions;
    expect([none.sessions.length, none.totals.sessions, none.pageCount]).toEqual([0, 0, 1]);
  });

  it('refuses dates that are not real or run backwards, and unknown courses, areas, venues and trainers', async () => {
    expect(fields(await run({ from: '2027-02-01', to: '2027-01-31' }))).toEqual([
      { field: 'filter.to', message: 'The to date must be the same as or after the from date' },
    ]);
    expect(fields(await run({ from: '2027-02-30' }))).toEqual([{ field: 'filter.from', message: 'The from date must be a real date' }]);
    // refused at the edge (one DateField for every date box), blanks are no date at all
    expect(fields(await run({ from: '2027-02-01T00:00', to: '1 February 2027' }))).toEqual([
      { field: 'filter.from', message: 'The from date must be a real date' },
      { field: 'filter.to', message: 'The to date must be a real date' },
    ]);
    expect((await run({ from: '  ', to: '' })).errors).toBeUndefined();
    const practitioner = await aPerson(em());
    expect(
      fields(await run({ courseId: randomUUID(), venueId: randomUUID(), priorityAreaId: randomUUID(), trainerId: practitioner.id })),
    ).toEqual([
      { field: 'filter.courseId', message: 'Choose a course from the list: there is no such course' },
      { field: 'filter.priorityAreaId', message: 'Choose a priority area from the list: there is no such priority area' },
      { field: 'filter.venueId', message: 'Choose a venue from the list: there is no such venue' },
      { field: 'filter.trainerId', message: 'Choose a trainer from the list: there is no such trainer' },
    ]);
    expect(fields(await run({ page: 0 }))).toEqual([{ field: 'filter.page', message: 'The page must be 1 or more' }]);
    const asPractitioner = await gql(api.url, PROGRAMME, {}, await signInAs(api.url, practitioner));
    expect(asPractitioner.errors?.[0]?.extensions?.code).toBe('NOT_ALLOWED');
  });
});
