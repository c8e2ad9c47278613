/**
 * Certificates anyone can verify: how a certificate's code is made, written, typed and read, and what a
 * certificate's status is on a London date. Pure rules: the api issues and verifies, the web app shows.
 */

/**
 * Crockford's base32: digits and capital letters without I, L, O and U, so a code read aloud or typed
 * from paper has no look-alikes (typed O, I and L are read as 0, 1 and 1).
 */
export const CERTIFICATE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Characters in a code: 20 of 32 symbols, 100 random bits. */
export const CERTIFICATE_CODE_LENGTH = 20;

/** Characters in each group the code is printed in ("7KQ2-M9XD-..."). */
export const CERTIFICATE_CODE_GROUP = 4;

/** What a code looks like, for the words that ask for one. */
export const CERTIFICATE_CODE_EXAMPLE = '7KQ2-M9XD-4HPA-T6WN-3RBE';

/**
 * A code from `bytes` random bytes (at least CERTIFICATE_CODE_LENGTH of them, from a cryptographic
 * source): each byte's low 5 bits pick a symbol (256 is a multiple of 32, so every symbol is as likely).
 */
export function certificateCodeFrom(bytes: Uint8Array): string {
  if (bytes.length < CERTIFICATE_CODE_LENGTH) {
    throw new RangeError(`A certificate code needs ${CERTIFICATE_CODE_LENGTH} random bytes`);
  }
  let code = '';
  for (let i = 0; i < CERTIFICATE_CODE_LENGTH; i++) {
    code += CERTIFICATE_ALPHABET[bytes[i]! & 31];
  }
  return code;
}

/** "7KQ2M9XD4HPAT6WN3RBE" as printed: "7KQ2-M9XD-4HPA-T6WN-3RBE". */
export function formatCertificateCode(code: string): string {
  return code.match(new RegExp(`.{1,${CERTIFICATE_CODE_GROUP}}`, 'g'))?.join('-') ?? '';
}

/**
 * A code as a person typed it, read the way it is stored: any case, spaces and dashes (of any kind)
 * dropped, O read as 0, I and L as 1. Null when what is left is not a code (wrong length, or a letter the
 * codes never use, such as U), so the page can say how a code is written.
 */
export function normaliseCertificateCode(typed: string): string | null {
  const code = typed
    .toUpperCase()
    .replace(/[\s\-‐‑‒–—―]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (code.length !== CERTIFICATE_CODE_LENGTH || [...code].some((c) => !CERTIFICATE_ALPHABET.includes(c))) {
    return null;
  }
  return code;
}

export enum CertificateStatus {
  VALID = 'VALID',
  /** Past its expiry date (the course's validity); derived from the London date, never stored. */
  EXPIRED = 'EXPIRED',
  /** Withdrawn by a correction of the register (with the date and the coordinator's reason). */
  REVOKED = 'REVOKED',
  /** Replaced by a newer certificate (printed fields changed, or attendance restored). */
  SUPERSEDED = 'SUPERSEDED',
  /** Its holder's personal data was erased at their request: verification says so and shows nothing else. */
  REMOVED = 'REMOVED',
}

/** The statuses stored on a certificate (EXPIRED is derived). */
export type StoredCertificateStatus =
  CertificateStatus.VALID | CertificateStatus.REVOKED | CertificateStatus.SUPERSEDED | CertificateStatus.REMOVED;

/** What verification answers for a certificate whose holder's data was erased. */
export const CERTIFICATE_REMOVED = "This certificate was removed at the holder's request";

/**
 * A certificate's status on London date `today` ("YYYY-MM-DD"): revoked and superseded as stored; a
 * valid one with an expiry date is expired from that date on.
 */
export function certificateStatus(
  c: { status: `${StoredCertificateStatus}`; expiresOn?: string | null },
  today: string,
): CertificateStatus {
  if (c.status !== CertificateStatus.VALID) {
    return c.status as CertificateStatus;
  }
  return c.expiresOn && today >= c.expiresOn ? CertificateStatus.EXPIRED : CertificateStatus.VALID;
}

/** The longest validity a course can give its certificates, in months (ten years). */
export const MAX_CERTIFICATE_VALID_MONTHS = 120;

/**
 * The date a certificate expires: `months` after the date completed, on the same day of the month, or the
 * month's last day when it has no such day (completed 29 February 2024, 12 months: 28 February 2025).
 * Null when the course sets no validity.
 */
export function certificateExpiresOn(completedOn: string, months: number | null): string | null {
  if (months === null) {
    return null;
  }
  const [y, m, d] = completedOn.split('-').map(Number) as [number, number, number];
  const monthIndex = m - 1 + months;
  const year = y + Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${year}-${pad(month)}-${pad(Math.min(d, lastDay))}`;
}

/** "3 March 2026" for a calendar date "2026-03-03" (no time zone: it is already a London date). */
export function formatCalendarDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

/** "6 hours", "1 hour 30 minutes", "45 minutes": the time a certificate prints. */
export function formatCertificateHours(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const hours = h ? `${h} ${h === 1 ? 'hour' : 'hours'}` : '';
  const mins = m ? `${m} ${m === 1 ? 'minute' : 'minutes'}` : '';
  return [hours, mins].filter(Boolean).join(' ') || '0 minutes';
}
