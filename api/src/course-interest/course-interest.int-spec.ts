// "Tell me when new dates are added" over the real API on a real PostgreSQL, with mail delivered over real SMTP.
import { CourseFormat, CourseStatus, MailKind, Role, SessionStatus, formatLondonRange, londonToUtc } from '@lh/domain';
import { aCourse, aPerson, aSession } from '../../test/builders';
import { startTestSmtp, type ReceivedMail, type TestSmtp } from '../../test/smtp-server';
import { gql, signInAs, startTestApi, type TestApi } from '../../test/test-db';
import { MailDeliveryService } from '../notifications/mail-delivery.service';
import { OutboxMessage } from '../notifications/outbox-message.entity';
import { CourseInterest } from './course-interest.entity';

const ORIGIN = 'https://learninghub.example.org';
const NEW_DATES = `query($courseId: ID!) { courseNewDates(courseId: $courseId) { courseId answer myRequest { id courseTitle } } }`;
const MINE = `{ myCourseInterests { id courseId courseTitle } }`;
const WAITING = `{ coursesWaitingForDates { courseId waiting } }`;
const ASK = `mutation($courseId: ID!) { askForNewDates(courseId: $courseId) { id courseId courseTitle askedAt notifiedAt stoppedAt } }`;
const STOP = `mutation($interestId: ID!) { stopNewDates(interestId: $interestId) { id stoppedAt notifiedAt } }`;
const CREATE = `mutation($input: CreateSessionInput!) { createSession(input: $input) { id } }`;
const COPY = `mutation($input: CopySessionInput!) { copySession(input: $input) { created outcomes { date sessionId problems } } }`;
const FILE = `query($personId: ID!) { personalDataFile(personId: $personId, format: JSON) { base64 } }`;
const ERASE = `mutation($personId: ID!, $reason: String!) { erasePerson(personId: $personId, reason: $reason) }`;
const DEACTIVATE = `mutation($personId: ID!) { deactivatePerson(personId: $personId) { id } }`;

type Interest = { id: string; courseId: string; courseTitle: string; askedAt: string; notifiedAt: string | null; stoppedAt: string | null };

/** A London date some days from now (whole days, so the parts stay on one London day). */
const dayFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe('tell me when new dates are added (real API, PostgreSQL and SMTP)', () => {
  let api: TestApi;
  let smtp: TestSmtp;
  let coordinator: string;

  beforeAll(async () => {
    smtp = await startTestSmtp();
    api = await startTestApi({ smtpUrl: smtp.url, webOrigin: ORIGIN });
    coordinator = await signInAs(api.url, await aPerson(api.orm.em.fork(), { roles: [Role.COORDINATOR] }));
  });
  afterAll(async () => {
    await api.close();
    await smtp.stop();
  });

  async function someone(name: string) {
    const person = await aPerson(api.orm.em.fork(), { name });
    return { person, cookie: await signInAs(api.url, person) };
  }
  const ask = async (courseId: string, cookie: string) => {
    const res = await gql<{ askForNewDates: Interest }>(api.url, ASK, { courseId }, cookie);
    expect(res.errors).toBeUndefined();
    return res.data!.askForNewDates;
  };
  const waitingFor = async (courseId: string) => {
    const res = await gql<{ coursesWaitingForDates: { courseId: string; waiting: number }[] }>(api.url, WAITING, {}, coordinator);
    expect(res.errors).toBeUndefined();
    return res.data!.coursesWaitingForDates.find((c) => c.courseId === courseId)?.waiting ?? 0;
  };
  const plan = (courseId: string, date: string) => ({
    courseId,
    capacity: 12,
    parts: [{ date, startTime: '09:30', endTime: '12:30' }],
    venueId: null,
    onlineUrl: 'https://meet.example.org/new-dates',
  });
  const createSession = async (courseId: string, date: string) => {
    const res = await gql<{ createSession: { id: string } }>(api.url, CREATE, { input: plan(courseId, date) }, coordinator);
    expect(res.errors).toBeUndefined();
    return res.data!.createSession.id;
  };
  /** Delivers what is due and gives the "new dates" mails that arrived to this address. */
  async function newDatesMailTo(email: string): Promise<ReceivedMail[]> {
    await api.app.get(MailDeliveryService).deliverDue();
    const queued = await api.orm.em.fork().count(OutboxMessage, { kind: MailKind.NEW_DATES });
    await smtp.waitFor(queued);
    return smtp.received.filter((m) => m.envelopeTo.includes(email) && m.parsed.subject?.startsWith('New dates:'));
  }
  const queuedTo = (personId: string) => api.orm.em.fork().count(OutboxMessage, { kind: MailKind.NEW_DATES, personId });

  it('keeps one open request however often someone asks, counts the people waiting, and refuses courses with dates or e-learning', async () => {
    const course = await aCourse(api.orm.em.fork(), { title: 'Child exploitation: spotting the signs' });
    const nia = await someone('Nia Roberts');
    const sam = await someone('Sam Okafor');
    const first = await ask(course.id, nia.cookie);
    const again = await ask(course.id, nia.cookie);
    expect(again.id).toBe(first.id);
    expect(first).toMatchObject({ courseTitle: 'Child exploitation: spotting the signs', notifiedAt: null, stoppedAt: null });
    expect(await api.orm.em.fork().count(CourseInterest, { person: nia.person.id, course: course.id })).toBe(1);
    await ask(course.id, sam.cookie);
    expect(await waitingFor(course.id)).toBe(2);

    const status = await gql<{ courseNewDates: { answer: string; myRequest: { id: string } | null } }>(
      api.url,
      NEW_DATES,
      { courseId: course.id },
      nia.cookie,
    );
    expect(status.data!.courseNewDates).toMatchObject({ answer: 'NO_DATES', myRequest: { id: first.id } });
    const signedOut = await gql<{ courseNewDates: { answer: string; myRequest: unknown } }>(api.url, NEW_DATES, { courseId: course.id });
    expect(signedOut.data!.courseNewDates).toMatchObject({ answer: 'NO_DATES', myRequest: null });
    expect((await gql(api.url, ASK, { courseId: course.id })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const dated = await aCourse(api.orm.em.fork());
    await aSession(api.orm.em.fork(), dated, { inDays: 30 });
    const refused = await gql(api.url, ASK, { courseId: dated.id }, nia.cookie);
    expect(refused.errors?.[0]).toMatchObject({
      message: 'This course has dates you can book now: choose one on the course page.',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const online = await aCourse(api.orm.em.fork(), { format: CourseFormat.E_LEARNING });
    expect((await gql(api.url, ASK, { courseId: online.id }, nia.cookie)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    // a cancelled or past session is no date: asking is allowed
    const old = await aCourse(api.orm.em.fork());
    await aSession(api.orm.em.fork(), old, { inDays: 20, status: SessionStatus.CANCELLED });
    await aSession(api.orm.em.fork(), old, { inDays: -3 });
    await ask(old.id, nia.cookie);
    expect((await gql(api.url, ASK, { courseId: 'not-a-course' }, nia.cookie)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('mails each person waiting once when a session is created, with the date in London time and a link to book, and ends their request', async () => {
    const course = await aCourse(api.orm.em.fork(), { title: 'Neglect: recognising it early' });
    const nia = await someone('Nia Roberts');
    const sam = await someone('Sam Okafor');
    await ask(course.id, nia.cookie);
    await ask(course.id, sam.cookie);

    const date = dayFromNow(40);
    const sessionId = await createSession(course.id, date);
    expect(await queuedTo(nia.person.id)).toBe(1);
    expect(await queuedTo(sam.person.id)).toBe(1);
    const [mail, ...more] = await newDatesMailTo(nia.person.email);
    expect(more).toHaveLength(0);
    expect(mail!.parsed.subject).toBe('New dates: Neglect: recognising it early');
    const text = mail!.parsed.text ?? '';
    expect(text).toContain('Dear Nia Roberts,');
    expect(text).toContain(formatLondonRange(londonToUtc(date, '09:30'), londonToUtc(date, '12:30')));
    expect(text).toContain(`${ORIGIN}/sessions/${sessionId}/book`);
    expect(mail!.parsed.html).toContain(`href="${ORIGIN}/sessions/${sessionId}/book"`);

    // told: the request is history, nobody waits, and a later date mails nobody
    const rows = await api.orm.em.fork().find(CourseInterest, { course: course.id });
    expect(rows.every((r) => r.notifiedAt && !r.stoppedAt)).toBe(true);
    expect(await waitingFor(course.id)).toBe(0);
    expect((await gql<{ myCourseInterests: Interest[] }>(api.url, MINE, {}, nia.cookie)).data!.myCourseInterests).toEqual([]);
    await createSession(course.id, dayFromNow(47));
    expect(await queuedTo(nia.person.id)).toBe(1);
    expect(await queuedTo(sam.person.id)).toBe(1);
  });

  it('follows the course status: a draft is not found, an archived course takes no requests, publishing with dates tells those waiting', async () => {
    const draft = await aCourse(api.orm.em.fork(), { title: 'Safer recruitment: draft', status: CourseStatus.DRAFT });
    const nia = await someone('Nia Roberts');
    const sam = await someone('Sam Okafor');
    expect((await gql(api.url, ASK, { courseId: draft.id }, nia.cookie)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await gql(api.url, NEW_DATES, { courseId: draft.id }, nia.cookie)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    const course = await aCourse(api.orm.em.fork(), { title: 'Harmful sexual behaviour: responding' });
    await ask(course.id, nia.cookie);
    const STATUS = `mutation($id: ID!, $status: CourseStatus!) { changeCourseStatus(id: $id, status: $status) { status } }`;
    expect((await gql(api.url, STATUS, { id: course.id, status: 'ARCHIVED' }, coordinator)).errors).toBeUndefined();
    const refused = await gql(api.url, ASK, { courseId: course.id }, sam.cookie);
    expect(refused.errors?.[0]?.message).toBe('This course is no longer run, so no new dates will be added.');
    expect(
      (await gql<{ courseNewDates: { answer: string } }>(api.url, NEW_DATES, { courseId: course.id }, sam.cookie)).data!.courseNewDates
        .answer,
    ).toBe('ARCHIVED');

    // a coming session the archived course kept (made before it was archived): nobody is told while it is archived
    const kept = await aSession(api.orm.em.fork(), course, { inDays: 30, online: true });
    expect(await queuedTo(nia.person.id)).toBe(0);
    // published again, the people waiting are told of it at once, once
    expect((await gql(api.url, STATUS, { id: course.id, status: 'PUBLISHED' }, coordinator)).errors).toBeUndefined();
    expect(await queuedTo(nia.person.id)).toBe(1);
    const [mail, ...more] = await newDatesMailTo(nia.person.email);
    expect(more.filter((m) => m.parsed.subject?.endsWith('Harmful sexual behaviour: responding'))).toHaveLength(0);
    expect(mail!.parsed.text).toContain(`${ORIGIN}/sessions/${kept.id}/book`);
    expect(await waitingFor(course.id)).toBe(0);
  });

  it('sends one mail naming every date when a session is repeated onto several dates', async () => {
    const other = await aCourse(api.orm.em.fork(), { title: 'Working Together 2023' });
    // a session that has taken place is no date: Ria may ask, and the coordinator repeats it onto three new dates
    const original = await aSession(api.orm.em.fork(), other, { inDays: -10 });
    const ria = await someone('Ria Patel');
    await ask(other.id, ria.cookie);
    const dates = [dayFromNow(50), dayFromNow(57), dayFromNow(64)];
    const res = await gql<{ copySession: { created: number; outcomes: { sessionId: string | null }[] } }>(
      api.url,
      COPY,
      { input: { sessionId: original.id, dates } },
      coordinator,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.copySession.created).toBe(3);
    expect(await queuedTo(ria.person.id)).toBe(1);
    const [mail, ...more] = await newDatesMailTo(ria.person.email);
    expect(more).toHaveLength(0);
    const text = mail!.parsed.text ?? '';
    expect(text).toContain('It now has 3:');
    for (const s of res.data!.copySession.outcomes) {
      expect(text).toContain(`${ORIGIN}/sessions/${s.sessionId}/book`);
    }
  });

  it("stops a request for its owner only; a stopped request is not mailed; nobody sees or stops another person's", async () => {
    const course = await aCourse(api.orm.em.fork(), { title: 'Safer sleep' });
    const nia = await someone('Nia Roberts');
    const sam = await someone('Sam Okafor');
    const niaAsked = await ask(course.id, nia.cookie);
    await ask(course.id, sam.cookie);

    const mine = await gql<{ myCourseInterests: Interest[] }>(api.url, MINE, {}, sam.cookie);
    expect(mine.data!.myCourseInterests.map((i) => i.courseTitle)).toEqual(['Safer sleep']);
    expect(mine.data!.myCourseInterests[0]!.id).not.toBe(niaAsked.id);
    const theirs = await gql(api.url, STOP, { interestId: niaAsked.id }, sam.cookie);
    expect(theirs.errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    expect(await waitingFor(course.id)).toBe(2);

    const stopped = await gql<{ stopNewDates: { stoppedAt: string | null } }>(api.url, STOP, { interestId: niaAsked.id }, nia.cookie);
    expect(stopped.errors).toBeUndefined();
    expect(stopped.data!.stopNewDates.stoppedAt).not.toBeNull();
    expect(await waitingFor(course.id)).toBe(1);
    expect((await gql<{ myCourseInterests: Interest[] }>(api.url, MINE, {}, nia.cookie)).data!.myCourseInterests).toEqual([]);

    await createSession(course.id, dayFromNow(33));
    expect(await queuedTo(nia.person.id)).toBe(0);
    expect(await queuedTo(sam.person.id)).toBe(1);
    // asking again after stopping makes a new request
    const another = await aCourse(api.orm.em.fork());
    const a = await ask(another.id, nia.cookie);
    await gql(api.url, STOP, { interestId: a.id }, nia.cookie);
    expect((await ask(another.id, nia.cookie)).id).not.toBe(a.id);
  });

  it('puts the requests in the subject access download and deletes them on erasure', async () => {
    const course = await aCourse(api.orm.em.fork(), { title: 'Domestic abuse and teen dating' });
    const lee = await someone('Lee Leaver');
    await ask(course.id, lee.cookie);
    const file = await gql<{ personalDataFile: { base64: string } }>(api.url, FILE, { personId: lee.person.id }, lee.cookie);
    expect(file.errors).toBeUndefined();
    const data = JSON.parse(Buffer.from(file.data!.personalDataFile.base64, 'base64').toString('utf8')) as {
      sections: Record<string, Record<string, unknown>[]>;
    };
    expect(data.sections['New dates you asked about']).toEqual([
      expect.objectContaining({ Course: 'Domestic abuse and teen dating', 'Told about new dates': null, Stopped: null }),
    ]);

    expect((await gql(api.url, DEACTIVATE, { personId: lee.person.id }, coordinator)).errors).toBeUndefined();
    expect((await gql(api.url, ERASE, { personId: lee.person.id, reason: 'Asked to be forgotten' }, coordinator)).errors).toBeUndefined();
    expect(await api.orm.em.fork().count(CourseInterest, { person: lee.person.id })).toBe(0);
  });
});
