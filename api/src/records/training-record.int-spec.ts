// The training record over the real API and PostgreSQL: its rows and fields for each source (revoked
// completions are not listed), the places tab, who may see it (and its files and evidence), learning done
// elsewhere (bad input writes nothing; verifying and rejecting), e-learning imports, and both file stores.
import {
  BookingStatus,
  CompletionSource,
  CourseFormat,
  CourseOutcome,
  ExternalLearningStatus,
  MailKind,
  Role,
  formatCalendarDate,
} from '@lh/domain';
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { aCourse, aPerson, aSession, anAgency } from '../../test/builders';
import { readPdf } from '../../test/pdf-text';
import { gql, signInAs, startTestApi, type GqlResult, type TestApi } from '../../test/test-db';
import { EVIDENCE_UPLOAD_HEADER } from '../bootstrap';
import { Booking } from '../booking/booking.entity';
import { Course } from '../catalogue/course.entity';
import { OutboxMessage } from '../notifications/outbox-message.entity';
import type { Agency } from '../people/agency.entity';
import type { Person } from '../people/person.entity';
import { AttendanceOutcome } from '../registers/attendance-outcome.entity';
import { EvidenceFile } from './evidence-file.entity';
import { DatabaseEvidenceStore, FolderEvidenceStore } from './evidence-store';
import { ExternalLearning } from './external-learning.entity';
import { sessionCompletionFields } from './session-completions';
import { TrainingCompletion } from './training-completion.entity';

const RECORD = `query($personId: ID!) { trainingRecord(personId: $personId) {
  personName agencyName totalMinutes
  completions { completionId source sourceLabel title provider outcome startedOn completedOn minutes hours level priorityArea trainers agencyName courseId }
  places { bookingId courseTitle status lateCancellation outcome label }
  externalLearning { id title status statusLabel rejectionReason evidenceFileName }
} }`;
const CSV = `query($personId: ID!) { trainingRecordCsv(personId: $personId) { fileName contentType base64 } }`;
const PDF = `query($personId: ID!) { trainingRecordPdf(personId: $personId) { fileName contentType base64 } }`;
const SUBMIT = `mutation($input: SubmitExternalLearningInput!) { submitExternalLearning(input: $input) { id status title hours evidenceFileName } }`;
const EVIDENCE = `query($id: ID!) { externalLearningEvidence(id: $id) { fileName contentType base64 } }`;
const WAITING = `{ externalLearningWaiting { id personName title } }`;
const VERIFY = `mutation($id: ID!) { verifyExternalLearning(id: $id) { id status decidedByName } }`;
const REJECT = `mutation($id: ID!, $reason: String!) { rejectExternalLearning(id: $id, reason: $reason) { id status rejectionReason } }`;
const PREVIEW = `query($csv: String!) { elearningImportPreview(csv: $csv) { fileProblem toAdd duplicates withErrors rows { line outcome personName courseTitle completedOn minutes problems } } }`;
const IMPORT = `mutation($csv: String!) { importElearningCompletions(csv: $csv) { added duplicates leftOut } }`;

const PDF_BYTES = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const code = (res: GqlResult) => res.errors?.[0]?.extensions?.code;
const fields = (res: GqlResult) => (res.errors?.[0]?.extensions?.fields ?? []).map((f) => `${f.field}: ${f.message}`);

interface RecordData {
  personName: string;
  agencyName: string | null;
  totalMinutes: number;
  completions: Record<string, unknown>[];
  places: { bookingId: string; status: string; lateCancellation: boolean; outcome: string | null; label: string; courseTitle: string }[];
  externalLearning: { id: string; title: string; status: string; statusLabel: string; rejectionReason: string | null }[];
}

describe('training records (real API, real PostgreSQL)', () => {
  let api: TestApi;
  let agencyA: Agency;
  let agencyB: Agency;
  let practitioner: Person & { password: string };
  let cookies: Record<'own' | 'colleague' | 'coordinator' | 'leadA' | 'leadB', string>;
  const em = () => api.orm.em.fork();

  beforeAll(async () => {
    api = await startTestApi({ evidenceMaxBytes: 4096, webOrigin: 'https://learninghub.example.org' });
    const e = em();
    agencyA = await anAgency(e, { name: 'Northshire Children’s Services' });
    agencyB = await anAgency(e, { name: 'Southshire Police' });
    practitioner = await aPerson(e, { name: 'Asha Patel', agency: agencyA });
    cookies = {
      own: await signInAs(api.url, practitioner),
      colleague: await signInAs(api.url, await aPerson(e, { agency: agencyA })),
      coordinator: await signInAs(api.url, await aPerson(e, { roles: [Role.COORDINATOR], name: 'Claire Morgan' })),
      leadA: await signInAs(api.url, await aPerson(e, { roles: [Role.PRACTITIONER, Role.AGENCY_LEAD], agency: agencyA })),
      leadB: await signInAs(api.url, await aPerson(e, { roles: [Role.PRACTITIONER, Role.AGENCY_LEAD], agency: agencyB })),
    };
  });
  afterAll(() => api.close());

  const record = async (cookie = cookies.own, personId = practitioner.id) => {
    const res = await gql<{ trainingRecord: RecordData }>(api.url, RECORD, { personId }, cookie);
    expect(res.errors).toBeUndefined();
    return res.data!.trainingRecord;
  };
  const submit = (input: Record<string, unknown>, cookie = cookies.own) =>
    gql<{ submitExternalLearning: { id: string; status: string; hours: number } }>(
      api.url,
      SUBMIT,
      {
        input: {
          title: 'Domestic abuse awareness',
          provider: 'NSPCC Learning',
          completedOn: '2026-01-15',
          hours: 2.5,
          level: 2,
          evidenceFileName: 'certificate.pdf',
          evidenceBase64: PDF_BYTES.toString('base64'),
          ...input,
        },
      },
      cookie,
      { [EVIDENCE_UPLOAD_HEADER]: 'evidence' },
    );

  /** A session the practitioner attended (trained by Tom Trainer), and one whose completion a correction revoked. */
  async function sessionCompletions() {
    const e = em();
    const course = await aCourse(e, { title: 'Child sexual exploitation', level: 3 });
    const trainer = await aPerson(e, { name: 'Tom Trainer', roles: [Role.TRAINER] });
    const session = await aSession(e, course, { inDays: -30 });
    session.trainers.add(trainer);
    const booking = e.create(Booking, { session, person: practitioner.id, agency: agencyA, status: BookingStatus.CONFIRMED });
    await e.flush();
    await e.populate(booking, ['person', 'agency']);
    await e.populate(session, ['course.priorityArea']);
    e.create(TrainingCompletion, { ...sessionCompletionFields(booking, session, CourseOutcome.ATTENDED, 180), recordedAt: new Date() });
    e.create(AttendanceOutcome, {
      booking,
      session,
      person: booking.person,
      agency: agencyA,
      outcome: CourseOutcome.ATTENDED,
      minutesAttended: 180,
      minutesScheduled: 180,
      decidedAt: new Date(),
    });
    const revokedSession = await aSession(e, await aCourse(e, { title: 'Revoked course' }), { inDays: -20 });
    const revokedBooking = e.create(Booking, {
      session: revokedSession,
      person: practitioner.id,
      agency: agencyA,
      status: BookingStatus.CONFIRMED,
    });
    await e.flush();
    await e.populate(revokedBooking, ['person', 'agency']);
    e.create(TrainingCompletion, {
      ...sessionCompletionFields(revokedBooking, revokedSession, CourseOutcome.ATTENDED, 180),
      recordedAt: new Date(),
      revokedAt: new Date(),
      revokedReason: 'Not there after all',
    });
    e.create(AttendanceOutcome, {
      booking: revokedBooking,
      session: revokedSession,
      person: revokedBooking.person,
      agency: agencyA,
      outcome: CourseOutcome.DID_NOT_ATTEND,
      minutesAttended: 0,
      minutesScheduled: 180,
      decidedAt: new Date(),
    });
    const cancelled = e.create(Booking, {
      session: await aSession(e, course, { inDays: 5 }),
      person: practitioner.id,
      status: BookingStatus.CANCELLED,
      cancelledAt: new Date(),
      lateCancellation: true,
    });
    await e.flush();
    return { course, booking, revokedBooking, cancelled };
  }

  it('lists completions from sessions, learning elsewhere and e-learning with what the record prints, not revoked ones; and the places tab', async () => {
    const { course, booking, revokedBooking, cancelled } = await sessionCompletions();
    // learning elsewhere, verified by a coordinator
    const submitted = await submit({});
    expect(submitted.errors).toBeUndefined();
    expect((await gql(api.url, VERIFY, { id: submitted.data!.submitExternalLearning.id }, cookies.coordinator)).errors).toBeUndefined();
    // e-learning, imported
    const elearning = await aCourse(em(), { title: 'Prevent awareness online', format: CourseFormat.E_LEARNING, level: 1 });
    const imported = await gql(
      api.url,
      IMPORT,
      { csv: `email,course,completion date,minutes\n${practitioner.email},Prevent awareness online,01/02/2026,45\n` },
      cookies.coordinator,
    );
    expect(imported.errors).toBeUndefined();

    const r = await record();
    expect(r.personName).toBe('Asha Patel');
    expect(r.completions.map((c) => c.title)).not.toContain('Revoked course');
    const bySource = Object.fromEntries(r.completions.map((c) => [c.source as string, c]));
    expect(bySource[CompletionSource.SESSION]).toMatchObject({
      sourceLabel: 'Attended',
      title: 'Child sexual exploitation',
      outcome: 'ATTENDED',
      minutes: 180,
      hours: 3,
      level: 3,
      priorityArea: (await em().findOneOrFail(Course, course.id, { populate: ['priorityArea'] })).priorityArea!.name,
      trainers: ['Tom Trainer'],
      agencyName: 'Northshire Children’s Services',
      courseId: course.id,
    });
    expect(bySource[CompletionSource.EXTERNAL]).toMatchObject({
      sourceLabel: 'External, evidence seen',
      title: 'Domestic abuse awareness',
      provider: 'NSPCC Learning',
      completedOn: '2026-01-15',
      minutes: 150,
      hours: 2.5,
      level: 2,
      trainers: [],
      agencyName: 'Northshire Children’s Services',
    });
    expect(bySource[CompletionSource.E_LEARNING]).toMatchObject({
      sourceLabel: 'E-learning',
      title: 'Prevent awareness online',
      completedOn: '2026-02-01',
      minutes: 45,
      level: 1,
      courseId: elearning.id,
    });
    expect(r.completions.every((c) => typeof c.completionId === 'string')).toBe(true);
    expect(r.totalMinutes).toBe(180 + 150 + 45);
    // the places tab: attended, did not attend (whose completion was revoked), cancelled late
    const places = new Map(r.places.map((p) => [p.bookingId, p]));
    expect(places.get(booking.id)).toMatchObject({ outcome: 'ATTENDED', label: 'Attended' });
    expect(places.get(revokedBooking.id)).toMatchObject({
      outcome: 'DID_NOT_ATTEND',
      label: 'Did not attend',
      courseTitle: 'Revoked course',
    });
    expect(places.get(cancelled.id)).toMatchObject({ status: 'CANCELLED', lateCancellation: true, outcome: null, label: 'Cancelled late' });
    expect(r.externalLearning.map((x) => x.status)).toEqual([ExternalLearningStatus.VERIFIED]);

    // the CSV: the same rows, a header, formula-safe
    const csv = await gql<{ trainingRecordCsv: { fileName: string; base64: string } }>(
      api.url,
      CSV,
      { personId: practitioner.id },
      cookies.own,
    );
    const table = parse(Buffer.from(csv.data!.trainingRecordCsv.base64, 'base64').toString('utf8'), { bom: true }) as string[][];
    expect(table[0]).toEqual([
      'Course',
      'Source',
      'Provider',
      'Started',
      'Completed',
      'Hours',
      'Level',
      'Priority area',
      'Trainer',
      'Agency at the time',
      'Certificate code',
    ]);
    expect(
      table
        .slice(1)
        .map((row) => row[1])
        .sort(),
    ).toEqual(['Attended', 'E-learning', 'External, evidence seen']);
    expect(csv.data!.trainingRecordCsv.fileName).toBe('Training record Asha Patel.csv');
    // the PDF: tagged A4 in DejaVu, the partnership, the person and the rows
    const pdf = await gql<{ trainingRecordPdf: { base64: string } }>(api.url, PDF, { personId: practitioner.id }, cookies.own);
    const contents = readPdf(Buffer.from(pdf.data!.trainingRecordPdf.base64, 'base64'));
    const text = contents.pages.join('\n').replace(/\s+/g, ' ');
    expect(contents.pageSizes[0]).toEqual([595.28, 841.89]);
    expect(contents.fonts.every((f) => f.embedded && f.baseFont.includes('DejaVu'))).toBe(true);
    expect(contents.structure.Table).toBe(1);
    expect(text).toContain('Training record: Asha Patel');
    expect(text).toContain('Child sexual exploitation');
    // (api/test/pdf-text.ts decodes glyphs past the first subset range one off, so check text early in the file)
    const attended = await em().findOneOrFail(TrainingCompletion, { person: practitioner.id, title: 'Child sexual exploitation' });
    expect(text).toContain(`Attended ${formatCalendarDate(attended.completedOn)}`);
    expect(text).toContain('Tom Trainer');
    expect(text).toContain('Page 1 of 1');
    expect(text).not.toContain('Revoked course');
  });

  it('shows the record, its files and evidence to the person, coordinators and their agency’s lead; NOT_FOUND to anyone else', async () => {
    const submitted = await submit({ title: 'Evidence access' });
    const id = submitted.data!.submitExternalLearning.id;
    for (const [who, cookie] of Object.entries(cookies)) {
      const allowed = who === 'own' || who === 'coordinator' || who === 'leadA';
      for (const [query, vars] of [
        [RECORD, { personId: practitioner.id }],
        [CSV, { personId: practitioner.id }],
        [PDF, { personId: practitioner.id }],
        [EVIDENCE, { id }],
      ] as const) {
        const res = await gql(api.url, query, vars, cookie);
        expect([who, query.slice(0, 30), allowed ? undefined : 'NOT_FOUND']).toEqual([who, query.slice(0, 30), code(res)]);
      }
    }
    const file = await gql<{ externalLearningEvidence: { fileName: string; contentType: string; base64: string } }>(
      api.url,
      EVIDENCE,
      { id },
      cookies.leadA,
    );
    expect(file.data!.externalLearningEvidence).toEqual({
      fileName: 'certificate.pdf',
      contentType: 'application/pdf',
      base64: PDF_BYTES.toString('base64'),
    });
    expect(code(await gql(api.url, RECORD, { personId: practitioner.id }))).toBe('UNAUTHENTICATED');
  });

  it('refuses bad learning-elsewhere input naming the field, and writes nothing (not even the file)', async () => {
    const counts = async () => [await em().count(ExternalLearning, {}), await em().count(EvidenceFile, {})];
    const before = await counts();
    const cases: [Record<string, unknown>, string][] = [
      [{ completedOn: '2099-01-01' }, 'input.completedOn: The date you completed it must be today or in the past'],
      [
        { evidenceBase64: Buffer.concat([PDF_BYTES, Buffer.alloc(5000)]).toString('base64') },
        'input.evidence: The evidence file must be 4 KB or smaller',
      ],
      [
        { evidenceBase64: Buffer.from('MZ not a pdf at all').toString('base64'), evidenceFileName: 'certificate.pdf' },
        'input.evidence: The evidence file must be a PDF, PNG or JPEG',
      ],
      [{ hours: 0 }, 'input.hours: Hours must be more than 0'],
      [{ hours: -1 }, 'input.hours: Hours must be more than 0'],
      [{ title: '  ' }, 'input.title: Enter the course title'],
    ];
    for (const [input, problem] of cases) {
      const res = await submit(input);
      expect(code(res)).toBe('BAD_USER_INPUT');
      expect(fields(res)).toEqual([problem]);
    }
    expect(await counts()).toEqual(before);
    // without the upload header the body is held to the ordinary limit
    const big = await gql(
      api.url,
      SUBMIT,
      {
        input: {
          title: 'x',
          provider: 'y',
          completedOn: '2026-01-01',
          hours: 1,
          evidenceFileName: 'a.pdf',
          evidenceBase64: 'A'.repeat(300_000),
        },
      },
      cookies.own,
    );
    expect(code(big)).toBe('TOO_LARGE');
  });

  it('verifying makes a completion and tells the person; rejecting gives the reason and makes none; each is decided once', async () => {
    const toVerify = (await submit({ title: 'Verify me' })).data!.submitExternalLearning.id;
    const toReject = (await submit({ title: 'Reject me' })).data!.submitExternalLearning.id;
    const waiting = await gql<{ externalLearningWaiting: { id: string }[] }>(api.url, WAITING, {}, cookies.coordinator);
    expect(waiting.data!.externalLearningWaiting.map((w) => w.id)).toEqual(expect.arrayContaining([toVerify, toReject]));
    expect(code(await gql(api.url, WAITING, {}, cookies.own))).toBe('NOT_ALLOWED');
    expect(code(await gql(api.url, VERIFY, { id: toVerify }, cookies.own))).toBe('NOT_ALLOWED');

    const verified = await gql<{ verifyExternalLearning: { status: string; decidedByName: string } }>(
      api.url,
      VERIFY,
      { id: toVerify },
      cookies.coordinator,
    );
    expect(verified.data!.verifyExternalLearning).toEqual({ id: toVerify, status: 'VERIFIED', decidedByName: 'Claire Morgan' });
    const learning = await em().findOneOrFail(ExternalLearning, toVerify, { populate: ['completion'] });
    expect(learning.completion).toMatchObject({
      source: CompletionSource.EXTERNAL,
      title: 'Verify me',
      provider: 'NSPCC Learning',
      minutes: 150,
    });
    expect(code(await gql(api.url, VERIFY, { id: toVerify }, cookies.coordinator))).toBe('ALREADY_DECIDED');

    expect(fields(await gql(api.url, REJECT, { id: toReject, reason: ' ' }, cookies.coordinator))).toEqual([
      'reason: Enter the reason it cannot be added',
    ]);
    const rejected = await gql(api.url, REJECT, { id: toReject, reason: 'The certificate names someone else' }, cookies.coordinator);
    expect(rejected.errors).toBeUndefined();
    expect(await em().findOneOrFail(ExternalLearning, toReject, { populate: ['completion'] })).toMatchObject({
      status: ExternalLearningStatus.REJECTED,
      completion: null,
      rejectionReason: 'The certificate names someone else',
    });
    expect(await em().count(TrainingCompletion, { title: 'Reject me' })).toBe(0);

    const mail = await em().find(
      OutboxMessage,
      { personId: practitioner.id, kind: MailKind.EXTERNAL_LEARNING_DECIDED },
      { orderBy: { createdAt: 'asc' } },
    );
    const subjects = mail.map((m) => m.subject);
    expect(subjects).toEqual(
      expect.arrayContaining(['Added to your training record: Verify me', 'Not added to your training record: Reject me']),
    );
    const rejection = mail.find((m) => m.subject.endsWith('Reject me'))!;
    expect(rejection.text).toContain('Their reason: The certificate names someone else');
    expect(rejection.text).toContain('https://learninghub.example.org/your-record');
    expect(rejection.toEmail).toBe(practitioner.email);
    expect((await record()).externalLearning.find((x) => x.id === toReject)).toMatchObject({ statusLabel: 'Not accepted' });
  });

  it('imports e-learning: a preview with each row’s outcome writes nothing; confirming adds the good rows; the same file again adds nothing', async () => {
    const e = em();
    const learner = await aPerson(e, { agency: agencyB });
    const course = await aCourse(e, { title: 'Online safety basics', format: CourseFormat.E_LEARNING });
    course.externalCode = 'OSB-1';
    await e.flush();
    const csv = [
      'Email,Course,Completion date,Hours',
      `${learner.email},OSB-1,2026-03-01,1.5`,
      'nobody@example.org,Online safety basics,2026-03-01,1',
      `${learner.email},Juggling,2026-03-01,1`,
      `${learner.email},Online safety basics,31/02/2026,1`,
      `${learner.email},Online safety basics,2099-01-01,1`,
      `${learner.email},online safety basics,2026-03-01,1`,
    ].join('\r\n');
    const preview = await gql<{
      elearningImportPreview: { toAdd: number; duplicates: number; withErrors: number; rows: { outcome: string; problems: string[] }[] };
    }>(api.url, PREVIEW, { csv }, cookies.coordinator);
    expect(preview.errors).toBeUndefined();
    const p = preview.data!.elearningImportPreview;
    expect(p.rows.map((r) => r.outcome)).toEqual(['ADD', 'ERROR', 'ERROR', 'ERROR', 'ERROR', 'DUPLICATE']);
    expect(p.rows[1]!.problems).toEqual(['Nobody has the email address nobody@example.org']);
    expect(p.rows[3]!.problems[0]).toMatch(/is not a date/);
    expect(p.rows[4]!.problems[0]).toMatch(/in the future/);
    expect(await em().count(TrainingCompletion, { person: learner.id })).toBe(0);
    expect(code(await gql(api.url, PREVIEW, { csv }, cookies.leadB))).toBe('NOT_ALLOWED');

    const first = await gql<{ importElearningCompletions: { added: number } }>(api.url, IMPORT, { csv }, cookies.coordinator);
    expect(first.data!.importElearningCompletions).toEqual({ added: 1, duplicates: 1, leftOut: 4 });
    const written = await em().find(TrainingCompletion, { person: learner.id });
    expect(written).toHaveLength(1);
    expect(written[0]).toMatchObject({
      source: CompletionSource.E_LEARNING,
      completedOn: '2026-03-01',
      minutes: 90,
      title: 'Online safety basics',
    });
    expect(written[0]!.agency!.id).toBe(agencyB.id);
    const again = await gql<{ importElearningCompletions: { added: number } }>(api.url, IMPORT, { csv }, cookies.coordinator);
    expect(again.data!.importElearningCompletions).toEqual({ added: 0, duplicates: 2, leftOut: 4 });
    expect(await em().count(TrainingCompletion, { person: learner.id })).toBe(1);
    expect(
      (await gql<{ elearningImportPreview: { fileProblem: string } }>(api.url, PREVIEW, { csv: 'name,score\nx,1' }, cookies.coordinator))
        .data!.elearningImportPreview.fileProblem,
    ).toMatch(/^The first row must name the columns/);
  });

  it('keeps evidence in PostgreSQL or in a folder, reads it back from where it was kept, and discards a failed upload', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'lh-evidence-'));
    for (const store of [new DatabaseEvidenceStore(), new FolderEvidenceStore(dir)]) {
      const e = em();
      const file = e.create(EvidenceFile, {
        fileName: 'x.png',
        contentType: 'image/png',
        sizeBytes: 3,
        storedIn: store.kind,
        createdAt: new Date(),
      });
      await e.transactional(async (tx) => {
        await store.keep(tx, file, Buffer.from([1, 2, 3]));
        tx.persist(file);
      });
      const stored = await em().findOneOrFail(EvidenceFile, file.id);
      expect(stored.storedIn).toBe(store.kind);
      expect([...(await store.read(em(), stored))]).toEqual([1, 2, 3]);
    }
    expect(await readdir(dir)).toHaveLength(1);
    const folder = new FolderEvidenceStore(dir);
    const failed = em().create(EvidenceFile, {
      fileName: 'y.pdf',
      contentType: 'application/pdf',
      sizeBytes: 1,
      storedIn: 'FOLDER',
      createdAt: new Date(),
    });
    await folder.keep(em(), failed, Buffer.from([9]));
    await folder.discard(failed);
    expect(await readdir(dir)).toHaveLength(1);
  });
});
