/**
 * Importing e-learning completions from the e-learning provider's CSV export: the columns, and the checks
 * on each row that need no database (the caller gives the people, the courses and the completions already
 * recorded). A row is added, left out as a duplicate, or has problems.
 */
import { isEmailAddress } from './people-import';
import { isCalendarDate } from './session-schedule';

export type ElearningColumn = 'email' | 'course' | 'completed' | 'minutes' | 'hours';

/** The most rows one file may hold. */
export const MAX_ELEARNING_ROWS = 2000;
export const MAX_ELEARNING_IMPORT_CHARACTERS = 190_000;

const HEADER_WORDS: Record<string, ElearningColumn> = {
  email: 'email',
  'email address': 'email',
  course: 'course',
  'course title': 'course',
  'course code': 'course',
  'completion date': 'completed',
  completed: 'completed',
  'completed on': 'completed',
  'date completed': 'completed',
  date: 'completed',
  minutes: 'minutes',
  hours: 'hours',
};

/** Header names as exports write them ("Completion date", "completion_date", "E-mail") to the column they mean. */
export function elearningColumnOf(header: string): ElearningColumn | null {
  const key = header
    .trim()
    .toLowerCase()
    .replace(/^e-mail/, 'email')
    .replace(/[\s_-]+/g, ' ');
  return HEADER_WORDS[key] ?? null;
}

/** Why a header row cannot be read (null when it can). */
export function elearningHeaderProblem(header: readonly string[]): string | null {
  const named = new Set(header.map(elearningColumnOf));
  const missing = (['email', 'course', 'completed'] as const).filter((c) => !named.has(c));
  if (missing.length || (!named.has('minutes') && !named.has('hours'))) {
    return 'The first row must name the columns: email, course, completion date, and minutes or hours.';
  }
  return null;
}

/** A date as exports write it: 2026-03-27, 27/03/2026 or 27/3/2026 (day first, as in the UK). Null when it is none. */
export function parseExportDate(text: string): string | null {
  const t = text.trim();
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[T ].*)?$/.exec(t);
  if (iso) {
    return isCalendarDate(iso[1]!) ? iso[1]! : null;
  }
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: .*)?$/.exec(t);
  if (uk) {
    const date = `${uk[3]}-${uk[2]!.padStart(2, '0')}-${uk[1]!.padStart(2, '0')}`;
    return isCalendarDate(date) ? date : null;
  }
  return null;
}

export interface ElearningRow {
  /** The line in the file (the header is line 1). */
  line: number;
  email: string;
  course: string;
  completed: string;
  minutes: string;
  hours: string;
}

export type ElearningOutcome = 'ADD' | 'DUPLICATE' | 'ERROR';

export interface CheckedElearningRow extends ElearningRow {
  outcome: ElearningOutcome;
  personId: string | null;
  personName: string | null;
  courseId: string | null;
  courseTitle: string | null;
  completedOn: string | null;
  minutesSpent: number | null;
  problems: string[];
}

export interface ElearningContext {
  /** People by lower-case email. */
  people: ReadonlyMap<string, { id: string; name: string }>;
  /** E-learning courses: matched by title (any case) or by their external code. */
  courses: readonly { id: string; title: string; externalCode: string | null }[];
  /** `completionKey`s of the e-learning completions already recorded. */
  recorded: ReadonlySet<string>;
  /** Today in London, YYYY-MM-DD. */
  today: string;
}

/** What makes two e-learning completions the same one: the person, the course and the day. */
export const completionKey = (personId: string, courseId: string, completedOn: string) => `${personId}|${courseId}|${completedOn}`;

function timeSpent(row: ElearningRow): number | null {
  const minutes = row.minutes.trim();
  const hours = row.hours.trim();
  const n = Number(minutes || hours);
  if (!(minutes || hours) || !Number.isFinite(n) || n <= 0) {
    return null;
  }
  return minutes ? Math.round(n) : Math.round(n * 60);
}

/**
 * Checks every row: a known person, a known e-learning course, a real completion date not after today and
 * a time spent more than 0 (else ERROR with each problem); a completion already recorded, or a repeat of an
 * earlier row of the file, is a DUPLICATE and adds nothing; the rest are ADD.
 */
export function checkElearningRows(rows: readonly ElearningRow[], ctx: ElearningContext): CheckedElearningRow[] {
  const byTitle = new Map(ctx.courses.map((c) => [c.title.trim().toLowerCase(), c]));
  const byCode = new Map(ctx.courses.filter((c) => c.externalCode).map((c) => [c.externalCode!.trim().toLowerCase(), c]));
  const seen = new Set<string>();
  return rows.map((row) => {
    const problems: string[] = [];
    const email = row.email.trim().toLowerCase();
    const person = email ? ctx.people.get(email) : undefined;
    if (!email) {
      problems.push('No email address');
    } else if (!person) {
      problems.push(isEmailAddress(email) ? `Nobody has the email address ${email}` : `${row.email.trim()} is not an email address`);
    }
    const courseKey = row.course.trim().toLowerCase();
    const course = courseKey ? (byCode.get(courseKey) ?? byTitle.get(courseKey)) : undefined;
    if (!courseKey) {
      problems.push('No course');
    } else if (!course) {
      problems.push(`No e-learning course is called or has the code "${row.course.trim()}"`);
    }
    const completedOn = parseExportDate(row.completed);
    if (!completedOn) {
      problems.push(row.completed.trim() ? `"${row.completed.trim()}" is not a date (use 2026-03-27 or 27/03/2026)` : 'No completion date');
    } else if (completedOn > ctx.today) {
      problems.push(`The completion date ${completedOn} is in the future`);
    }
    const minutesSpent = timeSpent(row);
    if (minutesSpent === null) {
      problems.push('The minutes or hours must be a number more than 0');
    }
    let outcome: ElearningOutcome = problems.length ? 'ERROR' : 'ADD';
    if (outcome === 'ADD') {
      const key = completionKey(person!.id, course!.id, completedOn!);
      if (ctx.recorded.has(key)) {
        outcome = 'DUPLICATE';
        problems.push('Already recorded: this completion is on the record');
      } else if (seen.has(key)) {
        outcome = 'DUPLICATE';
        problems.push('The same completion is on an earlier row of the file');
      }
      seen.add(key);
    }
    return {
      ...row,
      outcome,
      personId: person?.id ?? null,
      personName: person?.name ?? null,
      courseId: course?.id ?? null,
      courseTitle: course?.title ?? null,
      completedOn,
      minutesSpent,
      problems,
    };
  });
}

/** Whether a learning link is one we offer: an absolute https address. */
export function isLearningUrl(text: string): boolean {
  try {
    const url = new URL(text.trim());
    return url.protocol === 'https:' && !!url.hostname && text.trim().length <= 500;
  } catch {
    return false;
  }
}
