import { Role } from './enums';

/**
 * Importing people from a spreadsheet (CSV): the columns, and the checks on each row that need no
 * database (the caller gives the agencies and the addresses that already have an account).
 */
export const IMPORT_COLUMNS = ['name', 'email', 'agency', 'job title', 'team', 'roles'] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];
export const REQUIRED_IMPORT_COLUMNS: readonly ImportColumn[] = ['name', 'email', 'agency'];
/** The most rows one file may hold (a larger partnership imports in parts). */
export const MAX_IMPORT_ROWS = 1000;

export type ImportOutcome = 'CREATE' | 'SKIP' | 'ERROR';

export interface ImportRow {
  /** The line in the file (the header is line 1). */
  line: number;
  name: string;
  email: string;
  agency: string;
  jobTitle: string;
  team: string;
  rolesText: string;
}

export interface CheckedImportRow extends ImportRow {
  outcome: ImportOutcome;
  roles: Role[];
  agencyId: string | null;
  /** What is wrong with the row (ERROR), or what will happen instead of adding it (SKIP). */
  problems: string[];
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function isEmailAddress(text: string): boolean {
  return text.length <= 320 && EMAIL.test(text);
}

/** Header names as people type them ("Job title", "job_title", "JobTitle") to the column they mean. */
export function importColumnOf(header: string): ImportColumn | null {
  const key = header
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');
  const found = IMPORT_COLUMNS.find((c) => c === key || c.replace(/ /g, '') === key.replace(/ /g, ''));
  return found ?? null;
}

/** Why a header row cannot be read (null when it can): the required columns must be named. */
export function importHeaderProblem(header: readonly string[]): string | null {
  const named = new Set(header.map(importColumnOf));
  const missing = REQUIRED_IMPORT_COLUMNS.filter((c) => !named.has(c));
  if (missing.length) {
    return `The first row must name the columns: ${IMPORT_COLUMNS.join(', ')} (missing: ${missing.join(', ')}).`;
  }
  return null;
}

const ROLE_WORDS: Record<string, Role> = {
  practitioner: Role.PRACTITIONER,
  trainer: Role.TRAINER,
  coordinator: Role.COORDINATOR,
  reviewer: Role.REVIEWER,
};

/** "Practitioner; Trainer" to roles; empty means practitioner. Words that are no role are returned too. */
export function parseImportRoles(text: string): { roles: Role[]; unknown: string[] } {
  const words = text
    .split(/[;,|/]+/)
    .map((w) => w.trim().toLowerCase())
    .filter(Boolean);
  if (!words.length) {
    return { roles: [Role.PRACTITIONER], unknown: [] };
  }
  const roles = new Set<Role>();
  const unknown: string[] = [];
  for (const w of words) {
    const role = ROLE_WORDS[w];
    if (role) {
      roles.add(role);
    } else {
      unknown.push(w);
    }
  }
  return { roles: [...roles], unknown };
}

/**
 * Checks every row: a name, an email in the right format, an agency on the partnership's list (by name,
 * any case; not retired), known roles, each address once in the file. A row for an address that already
 * has an account is skipped (that account is not changed).
 */
export function checkImportRows(
  rows: readonly ImportRow[],
  ctx: { agencies: readonly { id: string; name: string; retired: boolean }[]; existingEmails: ReadonlySet<string> },
): CheckedImportRow[] {
  const byName = new Map(ctx.agencies.map((a) => [a.name.trim().toLowerCase(), a]));
  const firstLine = new Map<string, number>();
  for (const r of rows) {
    const email = r.email.trim().toLowerCase();
    if (email && !firstLine.has(email)) {
      firstLine.set(email, r.line);
    }
  }
  return rows.map((r) => {
    const problems: string[] = [];
    const email = r.email.trim().toLowerCase();
    if (!r.name.trim()) {
      problems.push('Enter a name');
    } else if (r.name.trim().length > 200) {
      problems.push('The name must be 200 characters or fewer');
    }
    if (!email) {
      problems.push('Enter an email address');
    } else if (!isEmailAddress(email)) {
      problems.push(`"${r.email.trim()}" is not an email address in the correct format, like name@example.org`);
    } else if (firstLine.get(email) !== r.line) {
      problems.push(`This email address is already on line ${firstLine.get(email)} of the file`);
    }
    const agency = byName.get(r.agency.trim().toLowerCase());
    if (!r.agency.trim()) {
      problems.push('Enter the agency');
    } else if (!agency) {
      problems.push(`There is no agency called "${r.agency.trim()}": use a name from the agencies list`);
    } else if (agency.retired) {
      problems.push(`${agency.name} has been retired: choose the agency they work for now`);
    }
    if (r.jobTitle.trim().length > 200) {
      problems.push('The job title must be 200 characters or fewer');
    }
    if (r.team.trim().length > 200) {
      problems.push('The team must be 200 characters or fewer');
    }
    const { roles, unknown } = parseImportRoles(r.rolesText);
    if (unknown.length) {
      problems.push(`Unknown role ${unknown.map((u) => `"${u}"`).join(', ')}: use practitioner, trainer, coordinator or reviewer`);
    }
    let outcome: ImportOutcome = problems.length ? 'ERROR' : 'CREATE';
    if (outcome === 'CREATE' && ctx.existingEmails.has(email)) {
      outcome = 'SKIP';
      problems.push('Already has an account: this row will be left out and that account will not change');
    }
    return { ...r, email, outcome, roles, agencyId: agency?.id ?? null, problems };
  });
}
