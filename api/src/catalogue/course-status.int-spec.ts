// Course status over the real API and PostgreSQL: a draft is not in the catalogue, cannot be opened or booked
// by practitioners, and takes sessions; publishing makes it bookable; an archived course takes no new sessions
// (created or copied) but keeps its sessions and its history in training records.
import { BookingStatus, CourseOutcome, CourseStatus, Role } from '@lh/domain';
import { aCourse, aPerson, aSession, aPriorityArea } from '../../test/builders';
import { gql, signInAs, startTestApi, type GqlResult, type TestApi } from '../../test/test-db';
import { Booking } from '../booking/booking.entity';
import type { Person } from '../people/person.entity';
import { sessionCompletionFields } from '../records/session-completions';
import { TrainingCompletion } from '../records/training-completion.entity';
import { Session } from '../scheduling/session.entity';
import { Course } from './course.entity';

const CREATE = `mutation($input: CreateCourseInput!, $publishNow: Boolean) { createCourse(input: $input, publishNow: $publishNow) { id status } }`;
const CHANGE = `mutation($id: ID!, $status: CourseStatus!) { changeCourseStatus(id: $id, status: $status) { id status } }`;
const MANAGE = `query($status: CourseStatus) { manageCourses(status: $status) { id title status upcomingSessionCount } }`;
const CATALOGUE = `{ courses { id } }`;
const COURSE = `query($id: ID!) { course(id: $id) { id title upcomingSessions { id } } }`;
const SESSION = `query($id: ID!) { session(id: $id) { session { id } course { id } } }`;
const BOOK = `mutation($input: BookSessionInput!) { bookSession(input: $input) { id status } }`;
const CREATE_SESSION = `mutation($input: CreateSessionInput!) { createSession(input: $input) { id } }`;
const COPY = `mutation($input: CopySessionInput!) { copySession(input: $input) { created outcomes { date sessionId problems } } }`;
const RECORD = `query($personId: ID!) { trainingRecord(personId: $personId) { completions { title courseId outcome } } }`;

const code = (res: GqlResult) => res.errors?.[0]?.extensions?.code;
const message = (res: GqlResult) => res.errors?.[0]?.message;
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

describe('course status: draft, published, archived (real API, real PostgreSQL)', () => {
  let api: TestApi;
  let coordinator: string;
  let practitioner: Person & { password: string };
  let practitionerCookie: string;
  const em = () => api.orm.em.fork();

  beforeAll(async () => {
    api = await startTestApi();
    coordinator = await signInAs(api.url, await aPerson(em(), { roles: [Role.COORDINATOR] }));
    practitioner = await aPerson(em());
    practitionerCookie = await signInAs(api.url, practitioner);
  });
  afterAll(() => api.close());

  const change = (id: string, status: CourseStatus, cookie = coordinator) =>
    gql<{ changeCourseStatus: { id: string; status: string } }>(api.url, CHANGE, { id, status }, cookie);
  const catalogueIds = async (cookie?: string) =>
    (await gql<{ courses: { id: string }[] }>(api.url, CATALOGUE, {}, cookie)).data!.courses.map((c) => c.id);
  const sessionInput = (courseId: string, date = inDays(30)) => ({
    courseId,
    capacity: 10,
    parts: [{ date, startTime: '09:30', endTime: '12:30' }],
    onlineUrl: 'https://meet.example.org/abc-defg',
  });

  it('starts a new course as a draft unless it is published now', async () => {
    const area = await aPriorityArea(em());
    const input = (title: string) => ({
      title,
      summary: 'Working with families.',
      learningOutcomes: [],
      priorityAreaId: area.id,
      level: 2,
      format: 'VIRTUAL',
      durationMinutes: 180,
      requiresApproval: false,
      audienceAgencyIds: [],
      audienceSectors: [],
      audienceRoles: [],
      cancellationCutoffWorkingDays: 5,
      attendanceRule: 'ALL_PARTS',
    });
    const draft = await gql<{ createCourse: { id: string; status: string } }>(api.url, CREATE, { input: input('Draft one') }, coordinator);
    expect(draft.data!.createCourse.status).toBe('DRAFT');
    const now = await gql<{ createCourse: { id: string; status: string } }>(
      api.url,
      CREATE,
      { input: input('Published one'), publishNow: true },
      coordinator,
    );
    expect(now.data!.createCourse.status).toBe('PUBLISHED');
    const ids = await catalogueIds();
    expect(ids).toContain(now.data!.createCourse.id);
    expect(ids).not.toContain(draft.data!.createCourse.id);
  });

  it('keeps a draft out of the catalogue and unbookable while its sessions are prepared; publishing opens it', async () => {
    const course = await aCourse(em(), { title: 'Draft: trauma-informed practice', status: CourseStatus.DRAFT });
    // a draft takes sessions (prepared before it is published)
    const created = await gql<{ createSession: { id: string } }>(api.url, CREATE_SESSION, { input: sessionInput(course.id) }, coordinator);
    expect(created.errors).toBeUndefined();
    const sessionId = created.data!.createSession.id;

    expect(await catalogueIds(practitionerCookie)).not.toContain(course.id);
    const opened = await gql(api.url, COURSE, { id: course.id }, practitionerCookie);
    expect(code(opened)).toBe('NOT_FOUND');
    expect(code(await gql(api.url, COURSE, { id: course.id }))).toBe('NOT_FOUND');
    expect(code(await gql(api.url, SESSION, { id: sessionId }, practitionerCookie))).toBe('NOT_FOUND');
    // the coordinator preparing it can open it
    expect((await gql<{ course: { id: string } }>(api.url, COURSE, { id: course.id }, coordinator)).data!.course.id).toBe(course.id);

    const refused = await gql(api.url, BOOK, { input: { sessionId } }, practitionerCookie);
    expect(code(refused)).toBe('BOOKING_NOT_OPEN');
    expect(message(refused)).toBe('This course is not published yet, so its sessions cannot be booked.');
    expect(await em().count(Booking, { session: sessionId })).toBe(0);

    const drafts = await gql<{ manageCourses: { id: string; status: string; upcomingSessionCount: number }[] }>(
      api.url,
      MANAGE,
      { status: 'DRAFT' },
      coordinator,
    );
    expect(drafts.data!.manageCourses.find((c) => c.id === course.id)).toMatchObject({ status: 'DRAFT', upcomingSessionCount: 1 });
    expect(drafts.data!.manageCourses.every((c) => c.status === 'DRAFT')).toBe(true);

    const published = await change(course.id, CourseStatus.PUBLISHED);
    expect(published.data!.changeCourseStatus.status).toBe('PUBLISHED');
    expect(await catalogueIds(practitionerCookie)).toContain(course.id);
    const booked = await gql<{ bookSession: { status: string } }>(api.url, BOOK, { input: { sessionId } }, practitionerCookie);
    expect(booked.errors).toBeUndefined();
    expect(booked.data!.bookSession.status).toBe(BookingStatus.CONFIRMED);
  });

  it('refuses new and copied sessions on an archived course, in words, and keeps its sessions and history', async () => {
    const e = em();
    const course = await aCourse(e, { title: 'Archived: older safeguarding basics', level: 3 });
    const past = await aSession(e, course, { inDays: -30 });
    const coming = await aSession(e, course, { inDays: 20 });
    const booking = e.create(Booking, { session: past, person: practitioner.id, status: BookingStatus.CONFIRMED });
    await e.flush();
    await e.populate(booking, ['person', 'agency']);
    await e.populate(past, ['course.priorityArea']);
    e.create(TrainingCompletion, { ...sessionCompletionFields(booking, past, CourseOutcome.ATTENDED, 180), recordedAt: new Date() });
    await e.flush();

    expect((await change(course.id, CourseStatus.ARCHIVED)).data!.changeCourseStatus.status).toBe('ARCHIVED');
    expect(await catalogueIds(practitionerCookie)).not.toContain(course.id);

    const before = await em().count(Session, { course: course.id });
    const refused = await gql(api.url, CREATE_SESSION, { input: sessionInput(course.id) }, coordinator);
    expect(code(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors![0]!.extensions!.fields).toContainEqual({
      field: 'input.courseId',
      message: 'This course is archived, so no new sessions can be added to it: publish it again first',
    });
    const copied = await gql<{ copySession: { created: number; outcomes: { problems: string[] }[] } }>(
      api.url,
      COPY,
      { input: { sessionId: coming.id, dates: [inDays(40)] } },
      coordinator,
    );
    expect(copied.data!.copySession.created).toBe(0);
    expect(copied.data!.copySession.outcomes[0]!.problems).toEqual([
      expect.stringMatching(/: This course is archived, so no new sessions can be added to it: publish it again first$/),
    ]);
    expect(await em().count(Session, { course: course.id })).toBe(before);

    // its existing sessions stay as they are; its page and the training record keep its history
    const page = await gql<{ course: { title: string; upcomingSessions: { id: string }[] } }>(
      api.url,
      COURSE,
      { id: course.id },
      practitionerCookie,
    );
    expect(page.data!.course.upcomingSessions.map((s) => s.id)).toEqual([coming.id]);
    const record = await gql<{ trainingRecord: { completions: { title: string; courseId: string; outcome: string }[] } }>(
      api.url,
      RECORD,
      { personId: practitioner.id },
      practitionerCookie,
    );
    expect(record.data!.trainingRecord.completions).toContainEqual({
      title: 'Archived: older safeguarding basics',
      courseId: course.id,
      outcome: 'ATTENDED',
    });

    // brought back: it takes sessions again
    expect((await change(course.id, CourseStatus.PUBLISHED)).data!.changeCourseStatus.status).toBe('PUBLISHED');
    expect((await gql(api.url, CREATE_SESSION, { input: sessionInput(course.id) }, coordinator)).errors).toBeUndefined();
  });

  it('allows only publish, archive and publish again, by coordinators, naming what is wrong', async () => {
    const course = await aCourse(em(), { status: CourseStatus.DRAFT });
    const archiveDraft = await change(course.id, CourseStatus.ARCHIVED);
    expect(code(archiveDraft)).toBe('INVALID_TRANSITION');
    expect(message(archiveDraft)).toBe('A draft course cannot be archived: publish it first, or leave it as a draft.');
    expect(code(await change(course.id, CourseStatus.PUBLISHED, practitionerCookie))).toBe('NOT_ALLOWED');
    expect((await em().findOneOrFail(Course, course.id)).status).toBe(CourseStatus.DRAFT);
    await change(course.id, CourseStatus.PUBLISHED);
    const again = await change(course.id, CourseStatus.PUBLISHED);
    expect(message(again)).toBe('This course is already published.');
    expect(message(await change(course.id, CourseStatus.DRAFT))).toBe('A published course cannot go back to being a draft.');
  });
});
