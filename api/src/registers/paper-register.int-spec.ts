import { createHash, randomUUID } from 'node:crypto';
import {
  AttendanceMark,
  AuditAction,
  BookingStatus,
  formatLondonDateTime,
  formatLondonShortDate,
  formatLondonTime,
  MAX_REGISTER_IMPORT_CHARACTERS,
  MarkSource,
  Role,
} from '@lh/domain';
import { aCourse, anAgency, aPerson, aSession } from '../../test/builders';
import { readPdf } from '../../test/pdf-text';
import { gql, signInAs, startTestApi, type TestApi } from '../../test/test-db';
import { AuditEntry } from '../audit/audit-entry.entity';
import { Booking } from '../booking/booking.entity';
import { Clock } from '../common/clock';
import { Person } from '../people/person.entity';
import type { Session } from '../scheduling/session.entity';
import { AttendanceEvent } from './attendance-event.entity';
import { importClientId } from './register-import.service';

const SHEET = `query($s: ID!) { signInSheet(sessionId: $s) { fileName base64 pageCount } }`;
const FILE = `query($s: ID!) { registerFile(sessionId: $s) { fileName content } }`;
const REGISTERS = `query($s: ID!) { sessionRegisters(sessionId: $s) { courseTitle confirmed parts { partNumber windowState canMark changesNeedReason signedOff } } }`;
const PREVIEW = `query($s: ID!, $csv: String!) { previewRegisterImport(sessionId: $s, csv: $csv) {
  fileProblem changes rowsWithChanges unchanged withErrors needsReason
  rows { line email name outcome problems changes { partNumber fromMark fromMinutes toMark toMinutes correction } } } }`;
const APPLY = `mutation($s: ID!, $csv: String!, $reason: String) { applyRegisterImport(sessionId: $s, csv: $csv, reason: $reason) { changed people corrections } }`;
const SIGN_OFF = `mutation($p: ID!) { signOffRegister(partId: $p) { signOff { signedByName } } }`;
const REGISTER = `query($p: ID!) { register(partId: $p) { entries { bookingId email mark minutes note eventId source } } }`;
const MARK = `mutation($input: MarkAttendanceInput!) { markAttendance(input: $input) { applied conflict } }`;

type Preview = {
  fileProblem: string | null;
  changes: number;
  rowsWithChanges: number;
  unchanged: number;
  withErrors: number;
  needsReason: boolean;
  rows: {
    line: number;
    email: string;
    name: string;
    outcome: string;
    problems: string[];
    changes: {
      partNumber: number;
      fromMark: string | null;
      fromMinutes: number | null;
      toMark: string;
      toMinutes: number | null;
      correction: boolean;
    }[];
  }[];
};

const MINUTE = 60_000;
const csvOf = (...lines: string[]) => lines.join('\r\n');
const HEADER = 'Email,Name,Agency,Part 1,Part 2';

describe('paper registers: the sign-in sheet and uploading a filled-in register (real PostgreSQL)', () => {
  let api: TestApi;
  let session: Session;
  let parts: { id: string; startsAt: Date }[];
  let coordinator: string;
  let trainer: string;
  let otherTrainer: string;
  let practitioner: string;
  const people = {
    zoe: { name: 'Zoë Ødegård-Łukasiewicz', email: 'zoe.odegard@northshire.gov.uk' },
    siobhan: { name: 'Siobhán Ní Bhriain', email: 'siobhan@police.example' },
    bea: { name: 'Bea Jones', email: 'bea.jones@police.example' },
    gone: { name: 'Gone Away', email: 'gone@example.org' },
  };
  const bookingOf: Record<string, string> = {};
  const em = () => api.orm.em.fork();
  const events = () => em().find(AttendanceEvent, { part: { session: session.id } }, { orderBy: { recordedAt: 'asc' } });
  const at = (d: Date | null) => api.app.get(Clock).fixAt(d);

  beforeAll(async () => {
    api = await startTestApi();
    const e = em();
    const council = await anAgency(e, { name: 'Northshire Council' });
    const tom = await aPerson(e, { name: 'Tom Walsh', roles: [Role.TRAINER] });
    const other = await aPerson(e, { roles: [Role.TRAINER] });
    const coord = await aPerson(e, { name: 'Claire Morgan', roles: [Role.COORDINATOR] });
    const practitionerPerson = await aPerson(e, { roles: [Role.PRACTITIONER] });
    session = await aSession(e, await aCourse(e, { title: 'Domestic abuse: recognising and responding' }), {
      parts: 2,
      // starting within the hour: the clock is fixed to its first part, and the sign-in cookies stay good
      inDays: 0.04,
    });
    session.trainers.add(e.getReference(Person, tom.id));
    for (const [key, p] of Object.entries(people)) {
      const person = e.create(Person, { ...p, agency: council });
      const booking = e.create(Booking, {
        session,
        person,
        agency: council,
        status: key === 'gone' ? BookingStatus.CANCELLED : BookingStatus.CONFIRMED,
      });
      bookingOf[key] = booking.id;
    }
    await e.flush();
    parts = session.parts
      .getItems()
      .map((p) => ({ id: p.id, startsAt: p.startsAt }))
      .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    [trainer, otherTrainer, coordinator, practitioner] = await Promise.all(
      [tom, other, coord, practitionerPerson].map((p) => signInAs(api.url, p)),
    );
  });
  afterEach(() => at(null));
  afterAll(() => api.close());

  it('lets only the session’s trainers and coordinators have its sheet, file, preview and upload', async () => {
    const csv = csvOf(HEADER, `${people.bea.email},,,present,`);
    for (const [query, vars] of [
      [SHEET, {}],
      [FILE, {}],
      [REGISTERS, {}],
      [PREVIEW, { csv }],
      [APPLY, { csv }],
    ] as const) {
      const refused = await gql(api.url, query, { s: session.id, ...vars }, otherTrainer);
      expect(refused.errors?.[0]).toMatchObject({
        message: "Only this session's trainers and the training team can see or mark its register.",
        extensions: { code: 'NOT_ALLOWED' },
      });
      expect((await gql(api.url, query, { s: session.id, ...vars }, practitioner)).errors?.[0]?.extensions?.code).toBe('NOT_ALLOWED');
    }
    expect(await events()).toEqual([]);
    for (const cookie of [trainer, coordinator]) {
      expect((await gql(api.url, SHEET, { s: session.id }, cookie)).errors).toBeUndefined();
    }
  });

  it('prints a sign-in sheet of everyone with a confirmed place, with the check-in QR code for this session', async () => {
    const res = await gql<{ signInSheet: { fileName: string; base64: string; pageCount: number } }>(
      api.url,
      SHEET,
      { s: session.id },
      trainer,
    );
    expect(res.errors).toBeUndefined();
    const { fileName, base64, pageCount } = res.data!.signInSheet;
    expect(fileName).toMatch(/^Sign-in sheet Domestic abuse recognising and responding \d{4}-\d{2}-\d{2}\.pdf$/);
    const pdf = readPdf(Buffer.from(base64, 'base64'));
    expect(pdf.pageCount).toBe(pageCount);
    const lines = pdf.pages.join('\n').split('\n');
    expect(lines).toEqual(expect.arrayContaining([people.bea.name, people.siobhan.name, people.zoe.name, 'Trainer: Tom Walsh']));
    expect(lines).not.toContain(people.gone.name);
    expect(pdf.alts).toEqual([`QR code that opens http://localhost:5173/check-in?session=${session.id}`]);
  });

  it('previews every row of a file, old and new marks, and the problems, without changing anything', async () => {
    at(new Date(parts[0]!.startsAt.getTime() + 30 * MINUTE));
    const csv = csvOf(
      '\uFEFFEmail,Name,Agency,Part 1 (Tue),Part 2 (Wed)',
      `${people.zoe.email.toUpperCase()},Zoe,,P,`,
      `${people.siobhan.email},,,late 10,`,
      `${people.bea.email},,,,`,
      ',,,,',
      'nobody@example.org,Walk In,,present,',
      `${people.bea.email},,,maybe,present`,
    );
    const res = await gql<{ previewRegisterImport: Preview }>(api.url, PREVIEW, { s: session.id, csv }, trainer);
    expect(res.errors).toBeUndefined();
    const p = res.data!.previewRegisterImport;
    expect(p).toMatchObject({ fileProblem: null, changes: 2, rowsWithChanges: 2, unchanged: 1, withErrors: 2, needsReason: false });
    expect(p.rows.map((r) => [r.line, r.name, r.outcome])).toEqual([
      [2, people.zoe.name, 'CHANGE'],
      [3, people.siobhan.name, 'CHANGE'],
      [4, people.bea.name, 'NO_CHANGE'],
      [6, 'Walk In', 'ERROR'],
      [7, people.bea.name, 'ERROR'],
    ]);
    expect(p.rows[1]!.changes).toEqual([
      { partNumber: 1, fromMark: null, fromMinutes: null, toMark: 'LATE', toMinutes: 10, correction: false },
    ]);
    expect(p.rows[3]!.problems).toEqual([
      'No one with a confirmed place on this session has the email address nobody@example.org. Check the address, or add them to the register as a walk-in first',
    ]);
    expect(p.rows[4]!.problems).toEqual([
      'This email address is already on line 4 of the file',
      "Part 1: 'maybe' is not a mark: use present, late 10, left early 30, apology or did not attend",
      `Part 2: This register opens at ${formatLondonDateTime(new Date(parts[1]!.startsAt.getTime() - 15 * MINUTE))}, 15 minutes before the part starts.`,
    ]);
    expect(await events()).toEqual([]);
  });

  it('refuses the whole file, naming the line, when a row names nobody booked: nothing changes', async () => {
    at(new Date(parts[0]!.startsAt.getTime() + 30 * MINUTE));
    const csv = csvOf(HEADER, `${people.zoe.email},,,present,`, 'nobody@example.org,,,present,');
    const res = await gql(api.url, APPLY, { s: session.id, csv }, trainer);
    expect(res.errors?.[0]).toMatchObject({
      message: 'Line 3 has a problem: fix the file and upload it again. Nothing has been changed.',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(await events()).toEqual([]);
  });

  it('refuses a file that cannot be read, saying why, and one too large to take', async () => {
    const problem = async (csv: string) =>
      (await gql<{ previewRegisterImport: Preview }>(api.url, PREVIEW, { s: session.id, csv }, trainer)).data!.previewRegisterImport
        .fileProblem;
    expect(await problem('Name,Part 1\nBea,present')).toBe(
      'The first row must name the columns: Email, Name, Agency, Part 1, Part 2 (missing: Email).',
    );
    expect(await problem('Email,Part 1,Part 3\nbea@x.org,present,')).toMatch(/column for part 3, but this session has 2 parts/);
    expect(await problem(HEADER)).toBe('The file has a header row but no people in it.');
    expect(await problem('Email,Part 1\n"unclosed,present')).toMatch(/^The file is not a CSV file we can read/);
    const big = csvOf(
      HEADER,
      ...Array.from({ length: 2000 }, (_, i) => `person${i}@example.org,Person ${i},Northshire Council,present,present`),
    );
    expect(big.length).toBeGreaterThan(MAX_REGISTER_IMPORT_CHARACTERS);
    const refused = await gql(api.url, APPLY, { s: session.id, csv: big }, trainer);
    expect(refused.errors?.[0]?.message).toBe('The file is too large: a register file can be at most 90 KB');
  });

  it('applies the changes as events from an upload; the same file again changes nothing, even after the register moved on', async () => {
    const now = new Date(parts[0]!.startsAt.getTime() + 45 * MINUTE);
    at(now);
    const csv = csvOf(HEADER, `${people.zoe.email},,,present,`, `${people.siobhan.email},,,L10,`, `${people.bea.email},,,,`);
    const res = await gql<{ applyRegisterImport: { changed: number; people: number; corrections: number } }>(
      api.url,
      APPLY,
      { s: session.id, csv },
      trainer,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.applyRegisterImport).toEqual({ changed: 2, people: 2, corrections: 0 });
    const recorded = await events();
    expect(recorded.map((e) => [e.booking.id, e.mark, e.minutes, e.source, e.at.toISOString()])).toEqual(
      expect.arrayContaining([
        [bookingOf.zoe, AttendanceMark.PRESENT, null, MarkSource.IMPORT, now.toISOString()],
        [bookingOf.siobhan, AttendanceMark.LATE, 10, MarkSource.IMPORT, now.toISOString()],
      ]),
    );
    expect(recorded).toHaveLength(2);
    expect(recorded.every((e) => e.part.id === parts[0]!.id)).toBe(true);

    // the file of the register now carries those marks
    const file = await gql<{ registerFile: { fileName: string; content: string } }>(api.url, FILE, { s: session.id }, trainer);
    expect(file.data!.registerFile.content.split('\r\n').slice(0, 4)).toEqual([
      `\uFEFFEmail,Name,Agency,${parts.map((p, i) => `Part ${i + 1} (${formatLondonShortDate(p.startsAt)} ${formatLondonTime(p.startsAt)})`).join(',')}`,
      `${people.bea.email},${people.bea.name},Northshire Council,,`,
      `${people.siobhan.email},${people.siobhan.name},Northshire Council,late 10,`,
      `${people.zoe.email},${people.zoe.name},Northshire Council,present,`,
    ]);

    const again = await gql<{ applyRegisterImport: { changed: number } }>(api.url, APPLY, { s: session.id, csv }, trainer);
    expect(again.data!.applyRegisterImport.changed).toBe(0);
    expect(await events()).toHaveLength(2);

    // the trainer then marks Zoë late on the register; the same file uploaded again leaves that as it is
    const register = await gql<{ register: { entries: { bookingId: string; eventId: string }[] } }>(
      api.url,
      REGISTER,
      { p: parts[0]!.id },
      trainer,
    );
    const zoe = register.data!.register.entries.find((e) => e.bookingId === bookingOf.zoe)!;
    const marked = await gql(
      api.url,
      MARK,
      {
        input: {
          clientId: randomUUID(),
          partId: parts[0]!.id,
          bookingId: zoe.bookingId,
          mark: 'LATE',
          minutes: 5,
          basedOnEventId: zoe.eventId,
        },
      },
      trainer,
    );
    expect(marked.errors).toBeUndefined();
    const third = await gql<{ previewRegisterImport: Preview }>(api.url, PREVIEW, { s: session.id, csv }, trainer);
    expect(third.data!.previewRegisterImport).toMatchObject({ changes: 0, unchanged: 3, withErrors: 0 });
    expect(
      (await gql<{ applyRegisterImport: { changed: number } }>(api.url, APPLY, { s: session.id, csv }, trainer)).data!.applyRegisterImport
        .changed,
    ).toBe(0);
    expect((await events()).filter((e) => e.booking.id === bookingOf.zoe).at(-1)).toMatchObject({ mark: AttendanceMark.LATE, minutes: 5 });
    // each cell's client id comes from the session, the file (one kind of line end), the line and the part
    const hash = createHash('sha256').update(csv.replace(/\r\n/g, '\n')).digest('hex');
    expect((await events()).find((e) => e.booking.id === bookingOf.siobhan)!.clientId).toBe(
      importClientId(session.id, hash, 3, parts[0]!.id),
    );
  });

  it('after sign-off refuses the trainer; a coordinator corrects with a reason, recorded as a correction', async () => {
    at(new Date(parts[0]!.startsAt.getTime() + 60 * MINUTE));
    expect((await gql(api.url, SIGN_OFF, { p: parts[0]!.id }, trainer)).errors).toBeUndefined();
    const registers = await gql<{ sessionRegisters: { parts: { signedOff: boolean; canMark: boolean }[] } }>(
      api.url,
      REGISTERS,
      { s: session.id },
      trainer,
    );
    expect(registers.data!.sessionRegisters.parts[0]).toMatchObject({ signedOff: true, canMark: false });
    const before = (await events()).length;
    const csv = csvOf(HEADER, `${people.bea.email},,,apology,`);

    const asTrainer = await gql<{ previewRegisterImport: Preview }>(api.url, PREVIEW, { s: session.id, csv }, trainer);
    expect(asTrainer.data!.previewRegisterImport.rows[0]!.problems).toEqual([
      expect.stringMatching(/^Part 1: Tom Walsh signed this register off at .*\. Only a coordinator can change it now, giving a reason\.$/),
    ]);
    expect((await gql(api.url, APPLY, { s: session.id, csv }, trainer)).errors?.[0]?.message).toMatch(/^Line 2 has a problem/);

    const asCoordinator = await gql<{ previewRegisterImport: Preview }>(api.url, PREVIEW, { s: session.id, csv }, coordinator);
    expect(asCoordinator.data!.previewRegisterImport).toMatchObject({ needsReason: true, changes: 1 });
    // sign-off marked Bea as not attending; the coordinator's file changes that
    expect(asCoordinator.data!.previewRegisterImport.rows[0]!.changes).toEqual([
      { partNumber: 1, fromMark: 'DID_NOT_ATTEND', fromMinutes: null, toMark: 'ABSENT_WITH_APOLOGY', toMinutes: null, correction: true },
    ]);
    const noReason = await gql(api.url, APPLY, { s: session.id, csv }, coordinator);
    expect(noReason.errors?.[0]).toMatchObject({
      message: 'Enter the reason for the corrections.',
      extensions: { fields: [{ field: 'reason', message: 'Enter the reason for the corrections' }] },
    });
    expect(await events()).toHaveLength(before);

    const applied = await gql<{ applyRegisterImport: { changed: number; corrections: number } }>(
      api.url,
      APPLY,
      { s: session.id, csv, reason: 'Sent apologies by email before the session' },
      coordinator,
    );
    expect(applied.data!.applyRegisterImport).toEqual({ changed: 1, people: 1, corrections: 1 });
    const last = (await events()).at(-1)!;
    expect(last).toMatchObject({
      mark: AttendanceMark.ABSENT_WITH_APOLOGY,
      previousMark: AttendanceMark.DID_NOT_ATTEND,
      source: MarkSource.CORRECTION,
      reason: 'Sent apologies by email before the session',
    });
    expect(last.booking.id).toBe(bookingOf.bea);
    // a correction from a file is in the audit log, as one made on the register page is
    const entries = await api.orm.em
      .fork()
      .find(AuditEntry, { action: AuditAction.REGISTER_CORRECTED, subjectPersonName: people.bea.name });
    expect(entries.map((e) => [e.subjectPersonName, e.before?.mark, e.after?.mark, e.reason])).toEqual([
      [people.bea.name, AttendanceMark.DID_NOT_ATTEND, AttendanceMark.ABSENT_WITH_APOLOGY, 'Sent apologies by email before the session'],
    ]);
  });
});
