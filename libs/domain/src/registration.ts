import { isOnDomains } from './manager-email';
import { PersonStatus } from './enums';

/** The shortest password we accept: long enough to resist guessing, short enough for three random words. */
export const PASSWORD_MIN_LENGTH = 12;
/** The longest password we accept (argon2 hashes any length; this only stops absurd input). */
export const PASSWORD_MAX_LENGTH = 200;

/** The hint on every form where a person chooses a password. */
export const PASSWORD_HINT = `At least ${PASSWORD_MIN_LENGTH} characters. Three random words you will remember are a good choice.`;

/** Why a new password cannot be used, or null when it can. */
export function passwordProblem(password: string): string | null {
  if (!password) {
    return 'Choose a password';
  }
  if (password.length < PASSWORD_MIN_LENGTH) {
    return `Your password must be at least ${PASSWORD_MIN_LENGTH} characters`;
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    return `Your password must be ${PASSWORD_MAX_LENGTH} characters or fewer`;
  }
  return null;
}

/** The part of an address before the last @, lower-case, without a "+tag" ("Office+x@a.org" is "office"). */
export function emailLocalPartOf(email: string): string {
  const at = email.lastIndexOf('@');
  const local = (at === -1 ? email : email.slice(0, at)).trim().toLowerCase();
  const plus = local.indexOf('+');
  return plus === -1 ? local : local.slice(0, plus);
}

/** Local parts as written in the setting ("Office, admin ,") in one form: ["office", "admin"]. */
export function normaliseLocalParts(localParts: readonly string[]): string[] {
  return [...new Set(localParts.map((l) => l.trim().toLowerCase().replace(/@.*$/, '')).filter(Boolean))];
}

/**
 * Why an address looks like a shared mailbox (office@, admin@, ...) that cannot hold one person's
 * account, or null when it does not. `sharedLocalParts` comes from the SHARED_MAILBOX_LOCAL_PARTS setting.
 */
export function sharedMailboxProblem(email: string, sharedLocalParts: readonly string[]): string | null {
  const local = emailLocalPartOf(email);
  if (!local || !normaliseLocalParts(sharedLocalParts).includes(local)) {
    return null;
  }
  return `Enter your own email address, not a shared mailbox like ${local}@: each account belongs to one person`;
}

/**
 * What a registration becomes once its address is confirmed: an address on one of its agency's email
 * domains is approved at once; any other (a personal address, an agency not listed yet) waits for a coordinator.
 */
export function statusAfterConfirmation(input: {
  email: string;
  agency: { emailDomains: readonly string[]; retiredAt?: Date | null } | null | undefined;
}): PersonStatus.ACTIVE | PersonStatus.PENDING_APPROVAL {
  const agency = input.agency;
  if (agency && !agency.retiredAt && agency.emailDomains.length && isOnDomains(input.email, agency.emailDomains)) {
    return PersonStatus.ACTIVE;
  }
  return PersonStatus.PENDING_APPROVAL;
}

/** Why a person asks for an agency: at registration (their agency is not listed) or later (they moved job). */
export enum AgencyRequestKind {
  JOIN = 'JOIN',
  MOVE = 'MOVE',
}

/** Where a request for an agency is: waiting, or how a coordinator decided it. */
export enum AgencyRequestStatus {
  PENDING = 'PENDING',
  /** A new agency was created from the request. */
  CREATED = 'CREATED',
  /** The person was put in an agency that already existed. */
  MAPPED = 'MAPPED',
  REFUSED = 'REFUSED',
}
