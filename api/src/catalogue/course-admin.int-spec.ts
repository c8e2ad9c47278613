import { AgencySector, Role } from '@lh/domain';
import { aCourse, anAgency, aPerson, aPriorityArea } from '../../test/builders';
import { gql, signInAs, startTestApi, type GqlResult, type TestApi } from '../../test/test-db';
import { Course } from './course.entity';
import { PriorityArea } from './priority-area.entity';

const COURSE_FIELDS = `id title summary learningOutcomes priorityAreaId priorityAreaName level format durationMinutes requiresApproval
  audienceAgencyIds audienceSectors audienceRoles prerequisite { id title } cancellationCutoffWorkingDays attendanceRule attendanceMinimumPercent sessionCount`;
const CREATE = `mutation($input: CreateCourseInput!) { createCourse(input: $input) { ${COURSE_FIELDS} } }`;
const UPDATE = `mutation($input: UpdateCourseInput!) { updateCourse(input: $input) { ${COURSE_FIELDS} } }`;
const COURSE_ADMIN = `query($id: ID!) { courseAdmin(id: $id) { ${COURSE_FIELDS} } }`;
const AREA = `mutation($input: CreatePriorityAreaInput!) { createPriorityArea(input: $input) { id name } }`;
const AGENCIES = `{ agencies { id name sector } }`;

type AdminCourse = { id: string; title: string; prerequisite: { id: string; title: string } | null };
const fields = (res: GqlResult) => res.errors?.[0]?.extensions?.fields ?? [];
const code = (res: GqlResult) => res.errors?.[0]?.extensions?.code;

describe('course administration (real API, real PostgreSQL)', () => {
  let api: TestApi;
  let coordinator: string;
  let practitioner: string;
  let areaId: string;

  beforeAll(async () => {
    api = await startTestApi();
    coordinator = await signInAs(api.url, await aPerson(api.orm.em.fork(), { roles: [Role.COORDINATOR] }));
    practitioner = await signInAs(api.url, await aPerson(api.orm.em.fork(), { roles: [Role.PRACTITIONER, Role.TRAINER] }));
    areaId = (await aPriorityArea(api.orm.em.fork())).id;
  });
  afterAll(() => api.close());

  const em = () => api.orm.em.fork();
  const valid = (over: Record<string, unknown> = {}) => ({
    title: 'Introduction to Contextual Safeguarding',
    summary: 'Harm outside the home: peers, places and online spaces.',
    learningOutcomes: ['Explain contextual safeguarding', ' ', 'Map a young person’s contexts'],
    priorityAreaId: areaId,
    level: 2,
    format: 'FACE_TO_FACE',
    durationMinutes: 180,
    requiresApproval: false,
    audienceAgencyIds: [],
    audienceSectors: [],
    audienceRoles: [],
    prerequisiteCourseId: null,
    cancellationCutoffWorkingDays: 5,
    attendanceRule: 'ALL_PARTS',
    ...over,
  });
  const create = (over: Record<string, unknown> = {}, cookie = coordinator) =>
    gql<{ createCourse: AdminCourse }>(api.url, CREATE, { input: valid(over) }, cookie);
  const update = (id: string, over: Record<string, unknown> = {}) =>
    gql<{ updateCourse: AdminCourse }>(api.url, UPDATE, { input: { id, ...valid(over) } }, coordinator);

  it('refuses everything to people who are not coordinators', async () => {
    const course = await aCourse(em());
    const before = await em().count(Course, {});
    for (const [query, variables] of [
      [CREATE, { input: valid() }],
      [UPDATE, { input: { id: course.id, ...valid() } }],
      [COURSE_ADMIN, { id: course.id }],
      [AREA, { input: { name: 'Gambling Harm' } }],
      [AGENCIES, {}],
    ] as const) {
      expect(code(await gql(api.url, query, variables, practitioner))).toBe('NOT_ALLOWED');
      expect(code(await gql(api.url, query, variables))).toBe('UNAUTHENTICATED');
    }
    expect(await em().count(Course, {})).toBe(before);
    expect((await em().findOneOrFail(Course, course.id)).title).toBe(course.title);
  });

  it('creates a course with an audience and a prerequisite, shown in the public catalogue', async () => {
    const agency = await anAgency(em(), { name: 'Northshire Police', sector: AgencySector.POLICE });
    const basic = await aCourse(em(), { title: 'Domestic abuse: basic awareness' });
    const res = await create({
      title: '  DASH risk checklist ',
      level: 3,
      requiresApproval: true,
      audienceAgencyIds: [agency.id, agency.id],
      audienceSectors: ['POLICE', 'CHILDRENS_SOCIAL_CARE'],
      audienceRoles: ['PRACTITIONER'],
      prerequisiteCourseId: basic.id,
      cancellationCutoffWorkingDays: 0,
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.createCourse).toMatchObject({
      title: 'DASH risk checklist',
      learningOutcomes: ['Explain contextual safeguarding', 'Map a young person’s contexts'],
      priorityAreaId: areaId,
      level: 3,
      requiresApproval: true,
      audienceAgencyIds: [agency.id],
      audienceSectors: ['POLICE', 'CHILDRENS_SOCIAL_CARE'],
      audienceRoles: ['PRACTITIONER'],
      prerequisite: { id: basic.id, title: 'Domestic abuse: basic awareness' },
      cancellationCutoffWorkingDays: 0,
      sessionCount: 0,
    });
    const pub = await gql<{ course: { title: string; prerequisite: { id: string } } }>(
      api.url,
      `query($id: ID!) { course(id: $id) { title prerequisite { id } } }`,
      { id: res.data!.createCourse.id },
      coordinator, // a new course is a draft: only coordinators open it until it is published
    );
    expect(pub.data!.course).toEqual({ title: 'DASH risk checklist', prerequisite: { id: basic.id } });
    const agencies = await gql<{ agencies: { id: string }[] }>(api.url, AGENCIES, {}, coordinator);
    expect(agencies.data!.agencies.map((a) => a.id)).toContain(agency.id);
  });

  it('names every invalid field, writing nothing', async () => {
    const before = await em().count(Course, {});
    const res = await create({
      title: ' ',
      summary: '',
      level: 5,
      format: 'FACE_TO_FACE',
      durationMinutes: 5,
      cancellationCutoffWorkingDays: 21,
      learningOutcomes: ['x'.repeat(301)],
      priorityAreaId: 'neglect',
      audienceAgencyIds: ['nope'],
    });
    expect(code(res)).toBe('BAD_USER_INPUT');
    expect(fields(res)).toEqual(
      expect.arrayContaining([
        { field: 'input.title', message: 'Enter the course title' },
        { field: 'input.summary', message: 'Enter a summary of the course' },
        { field: 'input.level', message: 'Choose a level from 1 to 4' },
        { field: 'input.durationMinutes', message: 'Duration must be between 15 and 4800 minutes' },
        { field: 'input.cancellationCutoffWorkingDays', message: 'Cancellation cut-off must be between 0 and 20 working days' },
        { field: 'input.learningOutcomes', message: 'Each learning outcome must be 300 characters or fewer' },
        { field: 'input.priorityAreaId', message: 'Choose a priority area' },
        { field: 'input.audienceAgencyIds', message: 'Audience agencies must be ids of agencies' },
      ]),
    );
    const missing = await create({
      priorityAreaId: '00000000-0000-4000-8000-000000000000',
      audienceAgencyIds: ['00000000-0000-4000-8000-000000000001'],
      prerequisiteCourseId: '00000000-0000-4000-8000-000000000002',
    });
    expect(fields(missing)).toEqual([
      { field: 'input.priorityAreaId', message: 'Choose a priority area from the list' },
      { field: 'input.audienceAgencyIds', message: 'Choose audience agencies from the list: one of them no longer exists' },
      { field: 'input.prerequisiteCourseId', message: 'Choose the prerequisite from the list of courses' },
    ]);
    expect(await em().count(Course, {})).toBe(before);
  });

  it('edits a course, and refuses a prerequisite that is the course itself or leads back to it', async () => {
    const l1 = (await create({ title: 'Neglect level 1' })).data!.createCourse;
    const l2 = (await create({ title: 'Neglect level 2', prerequisiteCourseId: l1.id })).data!.createCourse;
    const l3 = (await create({ title: 'Neglect level 3', prerequisiteCourseId: l2.id })).data!.createCourse;

    const self = await update(l1.id, { title: 'Neglect level 1', prerequisiteCourseId: l1.id });
    expect(fields(self)).toEqual([{ field: 'input.prerequisiteCourseId', message: 'A course cannot be its own prerequisite' }]);

    const loop = await update(l1.id, { title: 'Neglect: the basics', prerequisiteCourseId: l3.id });
    expect(code(loop)).toBe('BAD_USER_INPUT');
    expect(fields(loop)).toEqual([
      {
        field: 'input.prerequisiteCourseId',
        message:
          '"Neglect level 3", which needs "Neglect level 2" cannot be the prerequisite: it already needs this course first, so neither could ever be booked',
      },
    ]);
    // nothing half-written: the title did not change either
    const l1Now = await gql<{ courseAdmin: AdminCourse }>(api.url, COURSE_ADMIN, { id: l1.id }, coordinator);
    expect(l1Now.data!.courseAdmin).toMatchObject({ title: 'Neglect level 1', prerequisite: null });

    const edited = await update(l3.id, { title: 'Neglect level 3 (specialist)', level: 4, prerequisiteCourseId: l1.id });
    expect(edited.errors).toBeUndefined();
    expect(edited.data!.updateCourse).toMatchObject({ title: 'Neglect level 3 (specialist)', prerequisite: { id: l1.id } });
    const cleared = await update(l3.id, { title: 'Neglect level 3 (specialist)', prerequisiteCourseId: null });
    expect(cleared.data!.updateCourse.prerequisite).toBeNull();
    expect(code(await update('00000000-0000-4000-8000-000000000000'))).toBe('NOT_FOUND');
  });

  it("keeps the course's attendance rule: every part, or a share of the time checked with the other fields in one round", async () => {
    const share = await create({ title: 'Neglect: two half days', attendanceRule: 'SHARE_OF_TIME', attendanceMinimumPercent: 75 });
    expect(share.errors).toBeUndefined();
    expect(share.data!.createCourse).toMatchObject({ attendanceRule: 'SHARE_OF_TIME', attendanceMinimumPercent: 75 });
    const id = share.data!.createCourse.id;
    expect(await em().findOneOrFail(Course, id)).toMatchObject({ attendanceRule: 'SHARE_OF_TIME', attendanceMinimumPercent: 75 });

    for (const bad of [0, 101, null]) {
      const res = await update(id, { title: ' ', attendanceRule: 'SHARE_OF_TIME', attendanceMinimumPercent: bad });
      expect(fields(res)).toEqual([
        { field: 'input.title', message: 'Enter the course title' },
        { field: 'input.attendanceMinimumPercent', message: 'Enter the share of the time to attend as a whole number from 1 to 100' },
      ]);
    }
    expect((await em().findOneOrFail(Course, id)).attendanceMinimumPercent).toBe(75);

    // every part: the share is not asked for, and is kept as 100
    const all = await update(id, { title: 'Neglect: two half days', attendanceRule: 'ALL_PARTS', attendanceMinimumPercent: 0 });
    expect(all.errors).toBeUndefined();
    expect(all.data!.updateCourse).toMatchObject({ attendanceRule: 'ALL_PARTS', attendanceMinimumPercent: 100 });
    expect(code(await update(id, { attendanceRule: 'SOMETIMES' }))).toBe('BAD_USER_INPUT');
  });

  it('adds priority areas with unique names, whatever the case', async () => {
    const res = await gql<{ createPriorityArea: { name: string } }>(api.url, AREA, { input: { name: ' Gambling Harm ' } }, coordinator);
    expect(res.data!.createPriorityArea.name).toBe('Gambling Harm');
    const again = await gql(api.url, AREA, { input: { name: 'gambling harm' } }, coordinator);
    expect(fields(again)).toEqual([{ field: 'input.name', message: 'A priority area called "gambling harm" already exists' }]);
    const empty = await gql(api.url, AREA, { input: { name: '  ' } }, coordinator);
    expect(fields(empty)).toEqual([{ field: 'input.name', message: 'Enter the name of the priority area' }]);
    expect(await em().count(PriorityArea, { name: { $ilike: 'gambling harm' } })).toBe(1);
  });

  it('keeps whether partly attended completes and how long certificates stay valid, whole months from 1 to 120 or none', async () => {
    const res = await create({ partlyAttendedCompletes: true, certificateValidMonths: 36 });
    expect(res.errors).toBeUndefined();
    const id = res.data!.createCourse.id;
    expect(await em().findOneOrFail(Course, id)).toMatchObject({ partlyAttendedCompletes: true, certificateValidMonths: 36 });
    const read = await gql<{ courseAdmin: Record<string, unknown> }>(
      api.url,
      `query($id: ID!) { courseAdmin(id: $id) { partlyAttendedCompletes certificateValidMonths } }`,
      { id },
      coordinator,
    );
    expect(read.data!.courseAdmin).toEqual({ partlyAttendedCompletes: true, certificateValidMonths: 36 });
    for (const months of [0, 121]) {
      const refused = await update(id, { certificateValidMonths: months });
      expect(fields(refused)).toEqual([
        {
          field: 'input.certificateValidMonths',
          message: 'Enter how many months certificates stay valid as a whole number from 1 to 120, or leave it empty if they do not expire',
        },
      ]);
    }
    expect((await update(id, { partlyAttendedCompletes: false, certificateValidMonths: null })).errors).toBeUndefined();
    expect(await em().findOneOrFail(Course, id)).toMatchObject({ partlyAttendedCompletes: false, certificateValidMonths: null });
  });

  it('keeps an e-learning course’s link (https only) and provider code, and the public course shows the link', async () => {
    const http = await create({ format: 'E_LEARNING', learningUrl: 'http://learning.example.org/da', externalCode: 'x'.repeat(101) });
    expect(code(http)).toBe('BAD_USER_INPUT');
    expect(fields(http)).toEqual(
      expect.arrayContaining([
        {
          field: 'input.learningUrl',
          message: 'Enter the e-learning link as a full address starting with https://, like https://learning.example.org/course',
        },
        { field: 'input.externalCode', message: 'The provider’s course code must be 100 characters or fewer' },
      ]),
    );
    const made = await gql<{ createCourse: { id: string; learningUrl: string | null; externalCode: string | null } }>(
      api.url,
      `mutation($input: CreateCourseInput!) { createCourse(input: $input, publishNow: true) { id learningUrl externalCode } }`,
      {
        input: valid({
          title: 'Online safety e-learning',
          format: 'E_LEARNING',
          learningUrl: ' https://learning.example.org/os ',
          externalCode: ' OS-1 ',
        }),
      },
      coordinator,
    );
    expect(made.errors).toBeUndefined();
    const id = made.data!.createCourse.id;
    expect(made.data!.createCourse).toEqual({ id, learningUrl: 'https://learning.example.org/os', externalCode: 'OS-1' });
    const shown = await gql<{ course: { learningUrl: string | null } }>(api.url, `query($id: ID!) { course(id: $id) { learningUrl } }`, {
      id,
    });
    expect(shown.data!.course.learningUrl).toBe('https://learning.example.org/os');
    // left empty on an edit, both are cleared
    const edited = await gql<{ updateCourse: { learningUrl: string | null; externalCode: string | null } }>(
      api.url,
      `mutation($input: UpdateCourseInput!) { updateCourse(input: $input) { learningUrl externalCode } }`,
      { input: { id, ...valid({ format: 'E_LEARNING', learningUrl: '', externalCode: '' }) } },
      coordinator,
    );
    expect(edited.data!.updateCourse).toEqual({ learningUrl: null, externalCode: null });
  });
});
