import { BookingStatus } from './enums';

/**
 * The coordinator's session roster: how it is searched and sorted, how a pasted list of emails is read,
 * and how access and dietary needs are summarised for a venue or caterer without names.
 */

export enum RosterSort {
  NAME = 'NAME',
  AGENCY = 'AGENCY',
  STATUS = 'STATUS',
  BOOKED_ON = 'BOOKED_ON',
}

export const rosterSortLabels: Record<`${RosterSort}`, string> = {
  [RosterSort.NAME]: 'Name',
  [RosterSort.AGENCY]: 'Agency',
  [RosterSort.STATUS]: 'Status',
  [RosterSort.BOOKED_ON]: 'Booked on',
};

/** The order statuses are listed in when sorting by status: live places first, the way the page reads. */
const STATUS_ORDER: readonly BookingStatus[] = [
  BookingStatus.CONFIRMED,
  BookingStatus.OFFERED,
  BookingStatus.PENDING_APPROVAL,
  BookingStatus.WAITLISTED,
  BookingStatus.CANCELLED,
  BookingStatus.DECLINED,
  BookingStatus.EXPIRED,
];

export interface RosterRow {
  bookingId: string;
  name: string;
  email: string;
  agencyName: string | null;
  status: BookingStatus;
  bookedAt: Date;
}

/** Whether a row matches the search words: every word is in the name or the email (case and accents ignored). */
export function rosterMatches(row: Pick<RosterRow, 'name' | 'email'>, search: string | null | undefined): boolean {
  const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  const words = fold(search ?? '')
    .split(/\s+/)
    .filter(Boolean);
  const haystack = `${fold(row.name)} ${fold(row.email)}`;
  return words.every((w) => haystack.includes(w));
}

const byName = (a: RosterRow, b: RosterRow) =>
  a.name.localeCompare(b.name, 'en-GB', { sensitivity: 'base' }) || a.bookingId.localeCompare(b.bookingId);

/** The roster in the chosen order; ties are broken by name, so the order is always the same. */
export function sortRoster<T extends RosterRow>(rows: readonly T[], sort: RosterSort): T[] {
  const compare: Record<RosterSort, (a: T, b: T) => number> = {
    [RosterSort.NAME]: byName,
    [RosterSort.AGENCY]: (a, b) => {
      // people without an agency come last
      if (!a.agencyName !== !b.agencyName) {
        return a.agencyName ? -1 : 1;
      }
      return (a.agencyName ?? '').localeCompare(b.agencyName ?? '', 'en-GB', { sensitivity: 'base' }) || byName(a, b);
    },
    [RosterSort.STATUS]: (a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) || byName(a, b),
    [RosterSort.BOOKED_ON]: (a, b) => a.bookedAt.getTime() - b.bookedAt.getTime() || byName(a, b),
  };
  return [...rows].sort(compare[sort]);
}

/** How many people of each agency (live places only are counted by callers), biggest first, "No agency" last. */
export function countByAgency(rows: readonly Pick<RosterRow, 'agencyName'>[]): { agencyName: string | null; count: number }[] {
  const counts = new Map<string | null, number>();
  for (const r of rows) {
    counts.set(r.agencyName, (counts.get(r.agencyName) ?? 0) + 1);
  }
  return [...counts]
    .map(([agencyName, count]) => ({ agencyName, count }))
    .sort(
      (a, b) =>
        (a.agencyName === null ? 1 : 0) - (b.agencyName === null ? 1 : 0) ||
        b.count - a.count ||
        (a.agencyName ?? '').localeCompare(b.agencyName ?? '', 'en-GB'),
    );
}

/** The most email addresses one paste may hold. */
export const MAX_PASTED_EMAILS = 100;

export type PastedEmailLine = { line: string; email: string; problem: null } | { line: string; email: null; problem: string };

const EMAIL = /^[^\s@,;<>]+@[^\s@,;<>]+\.[^\s@,;<>]+$/;

/**
 * A pasted list of email addresses (one a line, or separated by commas or semicolons; "Name <email>" is
 * read as its email), each with the problem that stops it, in the words the page shows. An address given
 * twice is read once: the second is "listed twice".
 */
export function parseEmailList(text: string): PastedEmailLine[] {
  const seen = new Set<string>();
  return text
    .split(/[\n\r,;]+/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((line): PastedEmailLine => {
      const bracketed = /<([^<>]+)>\s*$/.exec(line);
      const email = (bracketed ? bracketed[1]! : line).trim().toLowerCase();
      if (!EMAIL.test(email)) {
        return { line, email: null, problem: 'This is not an email address' };
      }
      if (seen.has(email)) {
        return { line, email: null, problem: 'This email address is listed twice' };
      }
      seen.add(email);
      return { line, email, problem: null };
    });
}

export interface NeedsAnswer {
  accessNeeds?: string | null;
  dietaryNeeds?: string | null;
}

export interface NeedsSummary {
  /** Places counted (confirmed). */
  places: number;
  /** Places with no access or dietary needs given. */
  withoutNeeds: number;
  /** Each distinct answer (trimmed, case ignored, the first spelling kept) with how many gave it, most first. */
  access: { answer: string; count: number }[];
  dietary: { answer: string; count: number }[];
}

function group(answers: readonly (string | null | undefined)[]): { answer: string; count: number }[] {
  const groups = new Map<string, { answer: string; count: number }>();
  for (const raw of answers) {
    const answer = raw?.trim().replace(/\s+/g, ' ').replace(/\.$/, '');
    if (!answer) {
      continue;
    }
    const key = answer.toLowerCase();
    const g = groups.get(key) ?? { answer, count: 0 };
    g.count += 1;
    groups.set(key, g);
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || a.answer.localeCompare(b.answer, 'en-GB'));
}

/** Access and dietary needs counted, without names: what a venue or caterer needs to know. */
export function summariseNeeds(places: readonly NeedsAnswer[]): NeedsSummary {
  return {
    places: places.length,
    withoutNeeds: places.filter((p) => !p.accessNeeds?.trim() && !p.dietaryNeeds?.trim()).length,
    access: group(places.map((p) => p.accessNeeds)),
    dietary: group(places.map((p) => p.dietaryNeeds)),
  };
}

/** Who on a session a coordinator's message goes to. */
export enum RosterAudience {
  CONFIRMED = 'CONFIRMED',
  WAITING_LIST = 'WAITING_LIST',
  PENDING_APPROVAL = 'PENDING_APPROVAL',
  OFFERED = 'OFFERED',
  /** Their register outcome is attended (every part signed off). */
  ATTENDED = 'ATTENDED',
}

export const rosterAudienceLabels: Record<`${RosterAudience}`, string> = {
  [RosterAudience.CONFIRMED]: 'Everyone confirmed',
  [RosterAudience.WAITING_LIST]: 'Everyone on the waiting list',
  [RosterAudience.PENDING_APPROVAL]: 'Everyone awaiting manager approval',
  [RosterAudience.OFFERED]: 'Everyone offered a place',
  [RosterAudience.ATTENDED]: 'Everyone who attended (as the register recorded)',
};

/** The booking status an audience is made of (ATTENDED: the confirmed places whose register outcome is attended). */
export const rosterAudienceStatus: Record<RosterAudience, BookingStatus> = {
  [RosterAudience.CONFIRMED]: BookingStatus.CONFIRMED,
  [RosterAudience.WAITING_LIST]: BookingStatus.WAITLISTED,
  [RosterAudience.PENDING_APPROVAL]: BookingStatus.PENDING_APPROVAL,
  [RosterAudience.OFFERED]: BookingStatus.OFFERED,
  [RosterAudience.ATTENDED]: BookingStatus.CONFIRMED,
};

export const MAX_MESSAGE_SUBJECT_LENGTH = 150;
export const MAX_MESSAGE_LENGTH = 5000;
