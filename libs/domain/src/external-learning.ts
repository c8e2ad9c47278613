import type { FieldProblem } from './errors';
import { isCalendarDate } from './session-schedule';

/**
 * Learning done elsewhere: what a practitioner enters (title, provider, date, hours, level, an evidence
 * file) and the checks on it that need no database. Field names are the form's; messages use its words.
 */

export enum ExternalLearningStatus {
  /** Waiting for a coordinator to look at the evidence. */
  PENDING = 'PENDING',
  /** A coordinator saw the evidence: it is a completion on the record ("External, evidence seen"). */
  VERIFIED = 'VERIFIED',
  /** A coordinator refused it, with a reason. */
  REJECTED = 'REJECTED',
}

export const externalLearningStatusLabels: Record<`${ExternalLearningStatus}`, string> = {
  [ExternalLearningStatus.PENDING]: 'Waiting to be checked',
  [ExternalLearningStatus.VERIFIED]: 'Verified',
  [ExternalLearningStatus.REJECTED]: 'Not accepted',
};

/** The evidence types taken, as browsers name them. */
export type EvidenceContentType = 'application/pdf' | 'image/png' | 'image/jpeg';

/** The default largest evidence file (config EVIDENCE_MAX_BYTES). */
export const DEFAULT_EVIDENCE_MAX_BYTES = 5 * 1024 * 1024;
export const MAX_EXTERNAL_TITLE = 200;
export const MAX_EXTERNAL_HOURS = 200;

/**
 * What the file really is, from its first bytes (a name or a browser's type can be anything): PDF
 * ("%PDF-"), PNG (its 8-byte signature) or JPEG (FF D8 FF); null for anything else.
 */
export function sniffEvidenceType(bytes: Uint8Array): EvidenceContentType | null {
  const starts = (sig: number[]) => bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b);
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) {
    return 'application/pdf';
  }
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
    return 'image/png';
  }
  if (starts([0xff, 0xd8, 0xff])) {
    return 'image/jpeg';
  }
  return null;
}

/** "5 MB", "500 KB": a size limit in words. */
export function describeBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export interface ExternalLearningDraft {
  title: string;
  provider: string;
  /** London date, YYYY-MM-DD. */
  completedOn: string;
  hours: number;
  level: number | null;
  /** The file's bytes, or null when none was chosen. */
  evidence: Uint8Array | null;
}

/**
 * Every problem with a draft, each naming its field as the form does (empty when it can be saved):
 * a title and provider, a real date not after today (London), hours more than 0 and at most 200, a level
 * of 1 to 4 if given, and an evidence file that is a PDF, PNG or JPEG by its content and not over the limit.
 */
export function checkExternalLearning(draft: ExternalLearningDraft, opts: { today: string; maxBytes: number }): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const title = draft.title.trim();
  if (!title) {
    problems.push({ field: 'title', message: 'Enter the course title' });
  } else if (title.length > MAX_EXTERNAL_TITLE) {
    problems.push({ field: 'title', message: `The course title must be ${MAX_EXTERNAL_TITLE} characters or fewer` });
  }
  const provider = draft.provider.trim();
  if (!provider) {
    problems.push({ field: 'provider', message: 'Enter who provided the course' });
  } else if (provider.length > 200) {
    problems.push({ field: 'provider', message: 'The provider must be 200 characters or fewer' });
  }
  if (!isCalendarDate(draft.completedOn)) {
    problems.push({ field: 'completedOn', message: 'Enter the date you completed it as a real date, for example 27 3 2026' });
  } else if (draft.completedOn > opts.today) {
    problems.push({ field: 'completedOn', message: 'The date you completed it must be today or in the past' });
  }
  if (!Number.isFinite(draft.hours) || draft.hours <= 0) {
    problems.push({ field: 'hours', message: 'Hours must be more than 0' });
  } else if (draft.hours > MAX_EXTERNAL_HOURS) {
    problems.push({ field: 'hours', message: `Hours must be ${MAX_EXTERNAL_HOURS} or fewer` });
  }
  if (draft.level !== null && !(Number.isInteger(draft.level) && draft.level >= 1 && draft.level <= 4)) {
    problems.push({ field: 'level', message: 'Level must be 1, 2, 3 or 4' });
  }
  if (!draft.evidence || draft.evidence.length === 0) {
    problems.push({ field: 'evidence', message: 'Choose an evidence file (a certificate or letter) to upload' });
  } else if (draft.evidence.length > opts.maxBytes) {
    problems.push({ field: 'evidence', message: `The evidence file must be ${describeBytes(opts.maxBytes)} or smaller` });
  } else if (!sniffEvidenceType(draft.evidence)) {
    problems.push({ field: 'evidence', message: 'The evidence file must be a PDF, PNG or JPEG' });
  }
  return problems;
}

/** Hours as entered to whole minutes (1.5 hours is 90 minutes). */
export const hoursToMinutes = (hours: number): number => Math.round(hours * 60);

/** Minutes as hours for a record: "1.5", "3", "0.25". */
export const minutesToHours = (minutes: number): string => String(Math.round((minutes / 60) * 100) / 100);
