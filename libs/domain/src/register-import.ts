import { toCsv } from './csv';
import { isEmailAddress } from './people-import';
import { AttendanceMark, markProblem, type TimedSpan } from './register-rules';

/**
 * Paper registers: a session's register as a CSV file (one row per confirmed place, a column per part),
 * the words a mark may be written in, and the checks on every row of a filled-in file that need no
 * database (the caller gives the parts, who has a confirmed place and their current marks).
 */

/**
 * The largest register file read, in characters. Under the web app's 100 KB form limit, so the checked
 * file can travel back in the form that applies it; about 250 people with every part marked take 30 KB.
 */
export const MAX_REGISTER_IMPORT_CHARACTERS = 90_000;

/** The words the file's mark columns take, as the messages name them. */
export const MARK_WORDS = 'present, late 10, left early 30, apology or did not attend';

export interface MarkValue {
  mark: AttendanceMark;
  /** Minutes late or left early (null for other marks). */
  minutes: number | null;
}

/** A mark as a register file writes it: "present", "late 10", "left early 30", "apology", "did not attend"; "" for none. */
export function markText(value: MarkValue | null): string {
  if (!value) {
    return '';
  }
  switch (value.mark) {
    case AttendanceMark.PRESENT:
      return 'present';
    case AttendanceMark.LATE:
      return `late ${value.minutes ?? ''}`.trim();
    case AttendanceMark.LEFT_EARLY:
      return `left early ${value.minutes ?? ''}`.trim();
    case AttendanceMark.ABSENT_WITH_APOLOGY:
      return 'apology';
    case AttendanceMark.DID_NOT_ATTEND:
      return 'did not attend';
  }
}

export type ParsedMark = { kind: 'EMPTY' } | { kind: 'MARK'; value: MarkValue } | { kind: 'UNKNOWN' };

const PRESENT_WORDS = new Set(['present', 'p', '✓', '✔', 'yes', 'y']);
const APOLOGY_WORDS = new Set(['apology', 'apologies', 'a', 'absent with apology']);
const DID_NOT_ATTEND_WORDS = new Set(['did not attend', 'dna', 'no', 'n']);
/** "late 10", "L10", "late 10 minutes", "late" (minutes missing: markProblem asks for them). */
const LATE = /^(?:late|l)\s*(\d+)?\s*(?:m|mins?|minutes?)?$/;
/** "left early 30", "E30", "LE 30", "early 30". */
const LEFT_EARLY = /^(?:left early|early|le|e)\s*(\d+)?\s*(?:m|mins?|minutes?)?$/;

/** Reads one mark cell (any case, spaces trimmed). Empty means "leave the mark as it is". */
export function parseMarkText(text: string): ParsedMark {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ').replace(/\.$/, '');
  if (!t) {
    return { kind: 'EMPTY' };
  }
  const simple = (mark: AttendanceMark): ParsedMark => ({ kind: 'MARK', value: { mark, minutes: null } });
  if (PRESENT_WORDS.has(t)) {
    return simple(AttendanceMark.PRESENT);
  }
  if (APOLOGY_WORDS.has(t)) {
    return simple(AttendanceMark.ABSENT_WITH_APOLOGY);
  }
  if (DID_NOT_ATTEND_WORDS.has(t)) {
    return simple(AttendanceMark.DID_NOT_ATTEND);
  }
  for (const [pattern, mark] of [
    [LATE, AttendanceMark.LATE],
    [LEFT_EARLY, AttendanceMark.LEFT_EARLY],
  ] as const) {
    const m = pattern.exec(t);
    if (m) {
      return { kind: 'MARK', value: { mark, minutes: m[1] === undefined ? null : Number(m[1]) } };
    }
  }
  return { kind: 'UNKNOWN' };
}

export type RegisterColumn = { kind: 'email' | 'name' | 'agency' } | { kind: 'part'; number: number };

/** A header as people type it ("Email", "e-mail", "Part 2", "Part 2 (Wed 4 Mar 9:30am)") to the column it names. */
export function registerColumnOf(header: string): RegisterColumn | null {
  const key = header
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');
  if (key === 'email' || key === 'e mail' || key === 'email address') {
    return { kind: 'email' };
  }
  if (key === 'name' || key === 'agency') {
    return { kind: key };
  }
  const part = /^part ?(\d+)\b/.exec(key);
  return part ? { kind: 'part', number: Number(part[1]) } : null;
}

/** The header row a register file starts with, as the template writes it. */
export function registerHeaderWords(partCount: number): string {
  return ['Email', 'Name', 'Agency', ...Array.from({ length: partCount }, (_, i) => `Part ${i + 1}`)].join(', ');
}

/** Why a header row cannot be read (null when it can): an Email column and a column for at least one of the session's parts. */
export function registerHeaderProblem(header: readonly string[], partCount: number): string | null {
  const columns = header.map(registerColumnOf);
  const parts = columns.flatMap((c) => (c?.kind === 'part' ? [c.number] : []));
  const missing = [
    ...(columns.some((c) => c?.kind === 'email') ? [] : ['Email']),
    ...(parts.length ? [] : [partCount > 1 ? 'a Part column' : 'Part 1']),
  ];
  if (missing.length) {
    return `The first row must name the columns: ${registerHeaderWords(partCount)} (missing: ${missing.join(', ')}).`;
  }
  const beyond = parts.find((n) => n < 1 || n > partCount);
  if (beyond !== undefined) {
    return `The file has a column for part ${beyond}, but this session has ${partCount === 1 ? '1 part' : `${partCount} parts`}. Download the register file again.`;
  }
  const twice = parts.find((n, i) => parts.indexOf(n) !== i);
  if (twice !== undefined) {
    return `The file has two columns for part ${twice}: keep one of them.`;
  }
  return null;
}

export interface RegisterImportRow {
  /** The line in the file (the header is line 1). */
  line: number;
  email: string;
  name: string;
  /** The mark cells, by part number (1-based). */
  marks: ReadonlyMap<number, string>;
}

export interface RegisterImportPart {
  id: string;
  /** 1-based position in the session. */
  number: number;
  span: TimedSpan;
  /** Why this viewer cannot change marks on this part now (null when they can), as the register says it. */
  refusal: string | null;
}

export interface RegisterImportPerson {
  bookingId: string;
  /** Lower case. */
  email: string;
  name: string;
  /** Current marks by part id (absent: not marked). */
  marks: ReadonlyMap<string, MarkValue | null>;
}

export interface RegisterImportChange {
  partId: string;
  partNumber: number;
  from: MarkValue | null;
  to: MarkValue;
}

export type RegisterImportOutcome = 'CHANGE' | 'NO_CHANGE' | 'ERROR';

export interface CheckedRegisterRow {
  line: number;
  /** As in the file, lower case. */
  email: string;
  /** The name on the register (the file's own name when nobody on it has the address). */
  name: string;
  bookingId: string | null;
  outcome: RegisterImportOutcome;
  /** What applying the file changes on this row (none when it has a problem). */
  changes: RegisterImportChange[];
  problems: string[];
}

const sameMark = (a: MarkValue | null | undefined, b: MarkValue) => !!a && a.mark === b.mark && (a.minutes ?? null) === b.minutes;

/**
 * Checks every row of a filled-in register: an email address of someone with a confirmed place, each
 * address once, every mark cell in words the file takes (empty leaves the mark as it is), minutes within
 * the part, and a part that may be changed now for every cell that changes a mark. Cells equal to the
 * current mark change nothing, and are not refused even when their part can no longer be changed.
 * `alreadyApplied` names cells (`line:partNumber`) this same file has recorded before: they change nothing.
 */
export function checkRegisterImportRows(
  rows: readonly RegisterImportRow[],
  ctx: {
    parts: readonly RegisterImportPart[];
    people: readonly RegisterImportPerson[];
    alreadyApplied?: ReadonlySet<string>;
  },
): CheckedRegisterRow[] {
  const byEmail = new Map(ctx.people.map((p) => [p.email, p]));
  const firstLine = new Map<string, number>();
  for (const r of rows) {
    const email = normaliseEmail(r.email);
    if (email && !firstLine.has(email)) {
      firstLine.set(email, r.line);
    }
  }
  return rows.map((r) => {
    const problems: string[] = [];
    const changes: RegisterImportChange[] = [];
    const email = normaliseEmail(r.email);
    const person = email ? byEmail.get(email) : undefined;
    if (!email) {
      problems.push('Enter the email address of someone with a confirmed place on this session');
    } else if (!person) {
      problems.push(
        isEmailAddress(email)
          ? `No one with a confirmed place on this session has the email address ${email}. Check the address, or add them to the register as a walk-in first`
          : `"${r.email.trim()}" is not an email address in the correct format, like name@example.org`,
      );
    } else if (firstLine.get(email) !== r.line) {
      problems.push(`This email address is already on line ${firstLine.get(email)} of the file`);
    }
    for (const part of ctx.parts) {
      const text = r.marks.get(part.number) ?? '';
      const parsed = parseMarkText(text);
      if (parsed.kind === 'EMPTY') {
        continue;
      }
      if (parsed.kind === 'UNKNOWN') {
        problems.push(`Part ${part.number}: '${text.trim()}' is not a mark: use ${MARK_WORDS}`);
        continue;
      }
      const minutesProblem = markProblem(parsed.value.mark, parsed.value.minutes, part.span);
      if (minutesProblem) {
        problems.push(`Part ${part.number}: ${minutesProblem}`);
        continue;
      }
      if (!person) {
        continue;
      }
      const from = person.marks.get(part.id) ?? null;
      if (sameMark(from, parsed.value) || ctx.alreadyApplied?.has(`${r.line}:${part.number}`)) {
        continue;
      }
      if (part.refusal) {
        problems.push(`Part ${part.number}: ${part.refusal}`);
        continue;
      }
      changes.push({ partId: part.id, partNumber: part.number, from, to: parsed.value });
    }
    const outcome: RegisterImportOutcome = problems.length ? 'ERROR' : changes.length ? 'CHANGE' : 'NO_CHANGE';
    return {
      line: r.line,
      email,
      name: person?.name ?? r.name.trim(),
      bookingId: person?.bookingId ?? null,
      outcome,
      changes: problems.length ? [] : changes,
      problems,
    };
  });
}

/** Lower case, trimmed, without the apostrophe a spreadsheet-safe file puts before a leading = + - or @. */
function normaliseEmail(text: string): string {
  return text
    .trim()
    .replace(/^'(?=[=+\-@])/, '')
    .toLowerCase();
}

export interface RegisterFilePerson {
  email: string;
  name: string;
  agency: string | null;
  /** One per part, in order. */
  marks: readonly (MarkValue | null)[];
}

/**
 * A session's register as a CSV file to fill in and upload again: a byte-order mark (so spreadsheets
 * read the letters right), the header (each part's column titled "Part 1 (Tue 3 Mar 9:30am)"), one row
 * per person with their current marks, CRLF line ends.
 */
export function registerFileCsv(partTitles: readonly string[], people: readonly RegisterFilePerson[]): string {
  const header = ['Email', 'Name', 'Agency', ...partTitles.map((t, i) => `Part ${i + 1} (${t})`)];
  const lines = [header, ...people.map((p) => [p.email, p.name, p.agency ?? '', ...p.marks.map(markText)])];
  return `\uFEFF${toCsv(lines)}`;
}
