import { AttendanceMark } from './register-rules';
import {
  checkRegisterImportRows,
  markText,
  parseMarkText,
  registerColumnOf,
  registerFileCsv,
  registerHeaderProblem,
  type RegisterImportPart,
  type RegisterImportPerson,
  type RegisterImportRow,
} from './register-import';

const HOUR = 3_600_000;
const start = new Date('2026-03-03T09:30:00Z');
const part = (number: number, refusal: string | null = null): RegisterImportPart => ({
  id: `part-${number}`,
  number,
  span: {
    startsAt: new Date(start.getTime() + (number - 1) * 24 * HOUR),
    endsAt: new Date(start.getTime() + ((number - 1) * 24 + 3) * HOUR),
  },
  refusal,
});
const amira: RegisterImportPerson = {
  bookingId: 'b-amira',
  email: 'amira.khan@northshire.gov.uk',
  name: 'Amira Khan',
  marks: new Map([['part-1', { mark: AttendanceMark.PRESENT, minutes: null }]]),
};
const bea: RegisterImportPerson = { bookingId: 'b-bea', email: 'bea.jones@police.example', name: 'Bea Jones', marks: new Map() };
const row = (line: number, email: string, marks: string[]): RegisterImportRow => ({
  line,
  email,
  name: '',
  marks: new Map(marks.map((m, i) => [i + 1, m])),
});
const mark = (m: AttendanceMark, minutes: number | null = null) => ({ kind: 'MARK', value: { mark: m, minutes } });

describe('the words a register file takes for a mark', () => {
  it('reads every accepted way of writing each mark, in any case, with spaces', () => {
    for (const word of ['present', 'P', ' ✓ ', '✔', 'Yes', 'PRESENT']) {
      expect(parseMarkText(word)).toEqual(mark(AttendanceMark.PRESENT));
    }
    for (const word of ['late 10', 'L10', 'l 10', 'Late 10 minutes', 'late10mins']) {
      expect(parseMarkText(word)).toEqual(mark(AttendanceMark.LATE, 10));
    }
    for (const word of ['left early 30', 'E30', 'LE 30', 'Left  early 30 min']) {
      expect(parseMarkText(word)).toEqual(mark(AttendanceMark.LEFT_EARLY, 30));
    }
    for (const word of ['apology', 'A', 'Absent with apology']) {
      expect(parseMarkText(word)).toEqual(mark(AttendanceMark.ABSENT_WITH_APOLOGY));
    }
    for (const word of ['did not attend', 'DNA', 'no', 'N']) {
      expect(parseMarkText(word)).toEqual(mark(AttendanceMark.DID_NOT_ATTEND));
    }
  });

  it('leaves an empty cell as it is, reads "late" without minutes (the minutes are then asked for) and refuses other words', () => {
    expect(parseMarkText('   ')).toEqual({ kind: 'EMPTY' });
    expect(parseMarkText('late')).toEqual(mark(AttendanceMark.LATE, null));
    for (const word of ['maybe', 'x', 'absent', 'late ten', '10']) {
      expect(parseMarkText(word)).toEqual({ kind: 'UNKNOWN' });
    }
  });

  it('writes marks back in words it reads', () => {
    for (const value of [
      { mark: AttendanceMark.PRESENT, minutes: null },
      { mark: AttendanceMark.LATE, minutes: 10 },
      { mark: AttendanceMark.LEFT_EARLY, minutes: 30 },
      { mark: AttendanceMark.ABSENT_WITH_APOLOGY, minutes: null },
      { mark: AttendanceMark.DID_NOT_ATTEND, minutes: null },
    ]) {
      expect(parseMarkText(markText(value))).toEqual({ kind: 'MARK', value });
    }
    expect(markText(null)).toBe('');
  });
});

describe('the header of a register file', () => {
  it('reads the columns as people type them', () => {
    expect(registerColumnOf('E-mail')).toEqual({ kind: 'email' });
    expect(registerColumnOf(' Email address ')).toEqual({ kind: 'email' });
    expect(registerColumnOf('Part 2 (Wed 4 Mar 9:30am)')).toEqual({ kind: 'part', number: 2 });
    expect(registerColumnOf('part1')).toEqual({ kind: 'part', number: 1 });
    expect(registerColumnOf('Notes')).toBeNull();
  });

  it('needs an Email column and a column for a part the session has, once', () => {
    expect(registerHeaderProblem(['Email', 'Name', 'Agency', 'Part 1', 'Part 2'], 2)).toBeNull();
    expect(registerHeaderProblem(['Email', 'Part 2'], 2)).toBeNull();
    expect(registerHeaderProblem(['Name', 'Part 1'], 2)).toBe(
      'The first row must name the columns: Email, Name, Agency, Part 1, Part 2 (missing: Email).',
    );
    expect(registerHeaderProblem(['Email', 'Name'], 1)).toMatch(/missing: Part 1\)/);
    expect(registerHeaderProblem(['Email', 'Part 1', 'Part 3'], 2)).toBe(
      'The file has a column for part 3, but this session has 2 parts. Download the register file again.',
    );
    expect(registerHeaderProblem(['Email', 'Part 1', 'part 1'], 2)).toMatch(/two columns for part 1/);
  });
});

describe('checking the rows of a register file', () => {
  const parts = [part(1), part(2)];
  const check = (rows: RegisterImportRow[], over: Partial<Parameters<typeof checkRegisterImportRows>[1]> = {}) =>
    checkRegisterImportRows(rows, { parts, people: [amira, bea], ...over });

  it('says what changes on each part, old and new; a mark equal to the current one and an empty cell change nothing', () => {
    const [a, b] = check([row(2, 'Amira.Khan@northshire.gov.uk ', ['present', 'late 10']), row(3, 'bea.jones@police.example', ['', ''])]);
    expect(a).toEqual({
      line: 2,
      email: 'amira.khan@northshire.gov.uk',
      name: 'Amira Khan',
      bookingId: 'b-amira',
      outcome: 'CHANGE',
      changes: [{ partId: 'part-2', partNumber: 2, from: null, to: { mark: AttendanceMark.LATE, minutes: 10 } }],
      problems: [],
    });
    expect(b).toMatchObject({ outcome: 'NO_CHANGE', changes: [], problems: [] });
  });

  it('names a row whose address nobody booked with, a badly written address, a missing one and one given twice', () => {
    const rows = check([
      row(2, 'nobody@example.org', ['present', '']),
      row(3, 'not-an-email', ['present', '']),
      row(4, '', ['present', '']),
      row(5, 'bea.jones@police.example', ['present', '']),
      row(6, 'BEA.JONES@police.example', ['apology', '']),
    ]);
    expect(rows.map((r) => [r.line, r.outcome, r.problems])).toEqual([
      [
        2,
        'ERROR',
        [
          'No one with a confirmed place on this session has the email address nobody@example.org. Check the address, or add them to the register as a walk-in first',
        ],
      ],
      [3, 'ERROR', ['"not-an-email" is not an email address in the correct format, like name@example.org']],
      [4, 'ERROR', ['Enter the email address of someone with a confirmed place on this session']],
      [5, 'CHANGE', []],
      [6, 'ERROR', ['This email address is already on line 5 of the file']],
    ]);
  });

  it('names cells that are not marks and minutes outside the part, by part', () => {
    const [r] = check([row(2, 'bea.jones@police.example', ['maybe', 'late 180'])]);
    expect(r!.problems).toEqual([
      "Part 1: 'maybe' is not a mark: use present, late 10, left early 30, apology or did not attend",
      'Part 2: Enter how many minutes late they arrived as a whole number from 1 to 179',
    ]);
    expect(r!.changes).toEqual([]);
    expect(check([row(2, 'bea.jones@police.example', ['late', ''])])[0]!.problems).toEqual([
      'Part 1: Enter how many minutes late they arrived',
    ]);
  });

  it('refuses a change on a part that cannot be changed now, but not a cell equal to its current mark', () => {
    const closed = [part(1, 'Tom Walsh signed this register off.'), part(2, 'This register opens at 9:15am on Wednesday 4 March 2026.')];
    const rows = check(
      [row(2, 'amira.khan@northshire.gov.uk', ['present', '']), row(3, 'bea.jones@police.example', ['present', 'present'])],
      {
        parts: closed,
      },
    );
    expect(rows[0]).toMatchObject({ outcome: 'NO_CHANGE', problems: [] });
    expect(rows[1]!.problems).toEqual([
      'Part 1: Tom Walsh signed this register off.',
      'Part 2: This register opens at 9:15am on Wednesday 4 March 2026.',
    ]);
  });

  it('leaves out cells this same file has recorded before', () => {
    const [r] = check([row(2, 'bea.jones@police.example', ['present', 'present'])], { alreadyApplied: new Set(['2:1']) });
    expect(r!.changes.map((c) => c.partNumber)).toEqual([2]);
  });
});

describe('the register file to download', () => {
  it('has a byte-order mark, a header naming each part, a row per person with their marks, and is safe to open in a spreadsheet', () => {
    const csv = registerFileCsv(
      ['Tue 3 Mar 9:30am', 'Wed 4 Mar 9:30am'],
      [
        {
          email: 'amira.khan@northshire.gov.uk',
          name: 'Khan, Amira',
          agency: 'Northshire Council',
          marks: [{ mark: AttendanceMark.LATE, minutes: 5 }, null],
        },
        { email: 'eve@example.org', name: '=HYPERLINK("x")', agency: null, marks: [null, null] },
      ],
    );
    expect(csv).toBe(
      '\uFEFFEmail,Name,Agency,Part 1 (Tue 3 Mar 9:30am),Part 2 (Wed 4 Mar 9:30am)\r\n' +
        'amira.khan@northshire.gov.uk,"Khan, Amira",Northshire Council,late 5,\r\n' +
        `eve@example.org,"'=HYPERLINK(""x"")",,,\r\n`,
    );
  });
});
