/** The part of an email address after the @, lower-case. */
export function emailDomainOf(email: string): string {
  return email
    .slice(email.lastIndexOf('@') + 1)
    .trim()
    .toLowerCase();
}

/** Domains as a coordinator types them ("@nhs.net", "Police.UK ") in one form: "nhs.net", "police.uk". */
export function normaliseDomains(domains: readonly string[]): string[] {
  return [...new Set(domains.map((d) => d.trim().toLowerCase().replace(/^@/, '')).filter(Boolean))];
}

/** An address is on a domain when its domain is that domain or a subdomain of it. */
export function isOnDomains(email: string, domains: readonly string[]): boolean {
  const domain = emailDomainOf(email);
  return normaliseDomains(domains).some((d) => domain === d || domain.endsWith(`.${d}`));
}

/**
 * Why an address cannot be the line manager who approves this person's booking, or null when it can.
 * Nobody approves their own booking, and an agency may require managers' work addresses.
 */
export function managerEmailProblem(input: {
  managerEmail: string;
  bookerEmail: string;
  agency: { emailDomains: readonly string[]; managerEmailOnDomains: boolean } | null | undefined;
}): string | null {
  const manager = input.managerEmail.trim().toLowerCase();
  if (manager === input.bookerEmail.trim().toLowerCase()) {
    return "Enter your line manager's email address, not your own: they approve your booking";
  }
  const agency = input.agency;
  if (agency?.managerEmailOnDomains && agency.emailDomains.length && !isOnDomains(manager, agency.emailDomains)) {
    const list = normaliseDomains(agency.emailDomains).map((d) => `@${d}`);
    const ends = list.length === 1 ? list[0] : `${list.slice(0, -1).join(', ')} or ${list[list.length - 1]}`;
    return `Enter your line manager's work email address: your agency asks for an address ending ${ends}`;
  }
  return null;
}
