import { AuditAction, BookingStatus, Role } from '@lh/domain';
import { aCourse, aPerson, aSession } from '../../test/builders';
import { takeRegisters } from '../../test/registers';
import { gql, signInAs, startTestApi, type TestApi } from '../../test/test-db';
import { AuditEntry } from '../audit/audit-entry.entity';
import { AuthSession } from '../auth/auth-session.entity';
import { Booking } from '../booking/booking.entity';
import type { Person } from '../people/person.entity';
import { NOT_IN_PERSONAL_DATA, PERSONAL_DATA_SECTIONS } from './personal-data-sections';

const SUMMARY = `query($personId: ID!) { personalDataSummary(personId: $personId) { personName sections { key title count } } }`;
const FILE = `query($personId: ID!, $format: PersonalDataFormat!) { personalDataFile(personId: $personId, format: $format) { fileName contentType base64 } }`;
const BOOK = `mutation($input: BookSessionInput!) { bookSession(input: $input) { id status } }`;
const ROLES = `mutation($personId: ID!, $roles: [Role!]!, $reason: String) { setPersonRoles(personId: $personId, roles: $roles, reason: $reason) { id } }`;

type File = { fileName: string; contentType: string; base64: string };

/** Subject access over the real API on a real PostgreSQL: everything held about a person, to them or a coordinator only. */
describe('personal data download (UK GDPR subject access)', () => {
  let api: TestApi;
  let coordinator: Person & { password: string };
  let coordinatorCookie: string;
  let nia: Person & { password: string };
  let niaCookie: string;

  beforeAll(async () => {
    api = await startTestApi();
    const em = api.orm.em.fork();
    coordinator = await aPerson(em, { roles: [Role.COORDINATOR], name: 'Cora Ordinator' });
    coordinatorCookie = await signInAs(api.url, coordinator);
    nia = await aPerson(em, { name: 'Nia <script>alert(1)</script> Roberts' });
    niaCookie = await signInAs(api.url, nia);

    // a booking made through the API (its history and its mail), and a course she attended (marks, outcome, record)
    const coming = await aSession(em, await aCourse(em, { title: 'Neglect: recognising it early' }), { inDays: 20 });
    const booked = await gql(
      api.url,
      BOOK,
      { input: { sessionId: coming.id, accessNeeds: 'Step-free access & a hearing loop' } },
      niaCookie,
    );
    expect(booked.errors).toBeUndefined();
    const past = await aSession(em, await aCourse(em, { title: 'Working Together 2023' }), { inDays: -1 });
    const attended = em.create(Booking, { session: past, person: nia.id, status: BookingStatus.CONFIRMED });
    await em.flush();
    await takeRegisters(api, coordinatorCookie, past.id, { [attended.id]: 'PRESENT' });
    // an audited change about her
    const roles = await gql(
      api.url,
      ROLES,
      { personId: nia.id, roles: ['PRACTITIONER', 'TRAINER'], reason: 'Delivers the neglect course' },
      coordinatorCookie,
    );
    expect(roles.errors).toBeUndefined();
  });
  afterAll(() => api.close());

  const download = async (personId: string, format: 'JSON' | 'HTML', cookie?: string) => {
    const res = await gql<{ personalDataFile: File }>(api.url, FILE, { personId, format }, cookie);
    return { res, text: res.data ? Buffer.from(res.data.personalDataFile.base64, 'base64').toString('utf8') : '' };
  };

  it('gives a practitioner everything held about them as JSON: profile, bookings, history, marks, record, mail and audit entries', async () => {
    const { res, text } = await download(nia.id, 'JSON', niaCookie);
    expect(res.errors).toBeUndefined();
    expect(res.data!.personalDataFile).toMatchObject({ contentType: 'application/json; charset=utf-8' });
    expect(res.data!.personalDataFile.fileName).toMatch(/^Personal data Nia .*Roberts\.json$/);
    const data = JSON.parse(text) as { name: string; sections: Record<string, Record<string, unknown>[]> };
    expect(data.name).toBe(nia.name);
    const s = data.sections;
    expect(s['Your account']![0]).toMatchObject({
      'Email address': nia.email,
      'Access needs': 'Step-free access & a hearing loop',
      'Has a password': true,
    });
    expect(s['Your account']![0]!.Roles).toBe('Practitioner, Trainer');
    expect(s.Bookings!.map((b) => [b.Course, b['Access needs']])).toEqual([
      ['Working Together 2023', null],
      ['Neglect: recognising it early', 'Step-free access & a hearing loop'],
    ]);
    expect(s['Booking history']!.some((e) => e.Course === 'Neglect: recognising it early' && e.By === 'You')).toBe(true);
    expect(s['Register marks']!.map((m) => [m.Course, m.Mark])).toEqual([['Working Together 2023', 'Present']]);
    expect(s['Attendance outcomes']!.map((o) => [o.Course, o.Outcome])).toEqual([['Working Together 2023', 'Attended']]);
    expect(s['Training record']!.map((t) => t.Learning)).toEqual(['Working Together 2023']);
    expect(
      s['Mail sent to you']!.some((m) => String(m.Subject).includes('Neglect: recognising it early') && String(m.Text).length > 0),
    ).toBe(true);
    expect(s['Audit log entries about you']).toEqual([
      expect.objectContaining({
        What: 'Roles changed',
        By: 'Cora Ordinator',
        Reason: 'Delivers the neglect course',
        'What changed': 'Roles: Practitioner → Practitioner, Trainer',
      }),
    ]);
    // instants in UTC, ISO 8601
    expect(String(s.Bookings![1]!.Booked)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it('never includes secrets: no password hash, no sign-in token hash', async () => {
    const em = api.orm.em.fork();
    const hash = await em.getConnection().execute<{ password_hash: string }[]>('select password_hash from person where id = ?', [nia.id]);
    const sessions = await em.find(AuthSession, { person: nia.id });
    expect(sessions.length).toBeGreaterThan(0);
    for (const format of ['JSON', 'HTML'] as const) {
      const { text } = await download(nia.id, format, niaCookie);
      expect(text).not.toContain(hash[0]!.password_hash);
      for (const s of sessions) {
        expect(text).not.toContain(s.tokenHash);
      }
    }
  });

  it('writes a readable HTML page with every value escaped and times in London', async () => {
    const { res, text } = await download(nia.id, 'HTML', niaCookie);
    expect(res.data!.personalDataFile.contentType).toBe('text/html; charset=utf-8');
    expect(text).toContain('<h1>Your data: Nia &lt;script&gt;alert(1)&lt;/script&gt; Roberts</h1>');
    expect(text).not.toContain('<script>');
    expect(text).toContain('Step-free access &amp; a hearing loop');
    expect(text).toMatch(/<h2 id="bookings">Bookings \(2\)<\/h2>/);
    expect(text).toMatch(/\d{1,2}(:\d{2})?(am|pm)|midday|midnight/);
  });

  it('summarises the sections with their counts', async () => {
    const res = await gql<{ personalDataSummary: { personName: string; sections: { key: string; count: number }[] } }>(
      api.url,
      SUMMARY,
      { personId: nia.id },
      niaCookie,
    );
    const counts = Object.fromEntries(res.data!.personalDataSummary.sections.map((s) => [s.key, s.count]));
    expect(counts).toMatchObject({ account: 1, bookings: 2, registerMarks: 1, outcomes: 1, trainingRecord: 1, audit: 1 });
    expect(Object.keys(counts)).toEqual(PERSONAL_DATA_SECTIONS.map((s) => s.key));
  });

  it('is refused to anyone else (no such person), and a coordinator answering a request is written to the audit log', async () => {
    const other = await aPerson(api.orm.em.fork());
    const otherCookie = await signInAs(api.url, other);
    const refused = await download(nia.id, 'JSON', otherCookie);
    expect(refused.res.errors?.[0]).toMatchObject({
      message: 'There is no such person, or you cannot see their data.',
      extensions: { code: 'NOT_FOUND' },
    });
    const signedOut = await download(nia.id, 'JSON');
    expect(signedOut.res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const before = await api.orm.em.fork().count(AuditEntry, { action: AuditAction.PERSONAL_DATA_EXPORTED, subjectPersonId: nia.id });
    await download(nia.id, 'JSON', niaCookie);
    expect(await api.orm.em.fork().count(AuditEntry, { action: AuditAction.PERSONAL_DATA_EXPORTED, subjectPersonId: nia.id })).toBe(before);
    const byCoordinator = await download(nia.id, 'HTML', coordinatorCookie);
    expect(byCoordinator.res.errors).toBeUndefined();
    const entries = await api.orm.em.fork().find(AuditEntry, { action: AuditAction.PERSONAL_DATA_EXPORTED, subjectPersonId: nia.id });
    expect(entries.map((e) => [e.actorName, e.after])).toEqual([['Cora Ordinator', { file: 'All personal data', format: 'HTML' }]]);
  });

  it('reads every table that refers to a person (a new one needs a section, or a reason it holds none)', async () => {
    const rows = await api.orm.em
      .fork()
      .getConnection()
      .execute<{ table: string }[]>(
        `select distinct conrelid::regclass::text as table from pg_constraint where contype = 'f' and confrelid = 'person'::regclass and conrelid <> 'person'::regclass`,
      );
    const read = new Set([...PERSONAL_DATA_SECTIONS.flatMap((s) => s.tables), ...Object.keys(NOT_IN_PERSONAL_DATA)]);
    expect(rows.map((r) => r.table).filter((t) => !read.has(t))).toEqual([]);
  });
});
