import { normaliseDomains } from './manager-email';

/**
 * Rules for the partnership's list of agencies that need no database: names, email domains, single
 * sign-on tenant ids, and the sentences that say what an agency's approval rule is.
 */

/** The longest agency name (the column's length). */
export const AGENCY_NAME_MAX = 200;
/** The most email domains, and the most tenant ids, one agency lists. */
export const AGENCY_DOMAINS_MAX = 20;
export const AGENCY_TENANTS_MAX = 20;

/**
 * Domains anyone can get an address on. Listing one for an agency would approve every registration
 * from it at once, so they are refused.
 */
export const PERSONAL_EMAIL_DOMAINS: readonly string[] = [
  'aol.com',
  'btinternet.com',
  'gmail.com',
  'googlemail.com',
  'hotmail.co.uk',
  'hotmail.com',
  'icloud.com',
  'live.co.uk',
  'live.com',
  'me.com',
  'msn.com',
  'outlook.com',
  'proton.me',
  'protonmail.com',
  'sky.com',
  'talktalk.net',
  'virginmedia.com',
  'yahoo.co.uk',
  'yahoo.com',
];

/** An agency name as it is kept: trimmed, with single spaces. */
export function normaliseAgencyName(name: string): string {
  return name.trim().replace(/\s+/g, ' ');
}

/** Why a name cannot be an agency's name (empty, too long), or null. Uniqueness needs the database. */
export function agencyNameProblem(name: string): string | null {
  const n = normaliseAgencyName(name);
  if (!n) {
    return 'Enter the name of the agency';
  }
  if (n.length > AGENCY_NAME_MAX) {
    return `Enter a name of ${AGENCY_NAME_MAX} characters or fewer`;
  }
  return null;
}

const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

const quoteList = (items: string[]) => items.map((i) => `"${i}"`).join(', ');

/**
 * Why these email domains cannot be an agency's, naming each bad one, or null. Domains are compared
 * as `normaliseDomains` keeps them (lower-case, no "@").
 */
export function emailDomainsProblem(domains: readonly string[]): string | null {
  const list = normaliseDomains(domains);
  const malformed = list.filter((d) => !DOMAIN.test(d));
  if (malformed.length) {
    return `Enter each email domain like northshire.gov.uk, one a line: ${quoteList(malformed)} ${malformed.length === 1 ? 'is not a domain' : 'are not domains'}`;
  }
  const personal = list.filter((d) => PERSONAL_EMAIL_DOMAINS.includes(d));
  if (personal.length) {
    return `Remove ${quoteList(personal)}: anyone can have an address there, so it cannot show that someone works for this agency`;
  }
  if (list.length > AGENCY_DOMAINS_MAX) {
    return `Enter at most ${AGENCY_DOMAINS_MAX} email domains`;
  }
  return null;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Tenant ids as they are kept: trimmed, lower-case, each once, blanks dropped. */
export function normaliseTenantIds(ids: readonly string[]): string[] {
  return [...new Set(ids.map((i) => i.trim().toLowerCase()).filter(Boolean))];
}

/** Why these Microsoft Entra tenant ids cannot be accepted (each must be a GUID), naming each bad one, or null. */
export function tenantIdsProblem(ids: readonly string[]): string | null {
  const list = normaliseTenantIds(ids);
  const bad = list.filter((i) => !GUID.test(i));
  if (bad.length) {
    return `Enter each tenant id as a GUID like 72f988bf-86f1-41af-91ab-2d7cd011db47, one a line: ${quoteList(bad)} ${bad.length === 1 ? 'is not one' : 'are not'}`;
  }
  if (list.length > AGENCY_TENANTS_MAX) {
    return `Enter at most ${AGENCY_TENANTS_MAX} tenant ids`;
  }
  return null;
}

/** The approval rule of an agency, as one sentence. */
export function approvalRuleSentence(agencyName: string, approvalExempt: boolean): string {
  return approvalExempt
    ? `Staff of ${agencyName} book without manager approval`
    : `Staff of ${agencyName} need their line manager's approval for courses that ask for it`;
}

/** What changing the approval rule does, said before it is changed. */
export function approvalChangeSentences(agencyName: string, exemptNow: boolean): { change: string; after: string; keeps: string } {
  return exemptNow
    ? {
        change: `Staff of ${agencyName} will need their line manager's approval for courses that ask for it`,
        after:
          "When they book such a course, they give their line manager's email address and the place is held until the manager decides.",
        keeps: 'Places already booked stay booked.',
      }
    : {
        change: `Staff of ${agencyName} will book without manager approval`,
        after: 'When they book a course that asks for approval, their place is confirmed at once and no manager is asked.',
        keeps: 'Bookings already waiting for a manager keep waiting for that decision.',
      };
}
