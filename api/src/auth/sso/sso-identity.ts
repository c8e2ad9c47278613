import { DomainError, ErrorCode, PersonStatus, Role } from '@lh/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Agency } from '../../people/agency.entity';
import { Person } from '../../people/person.entity';
import { claimProvisional } from '../provisional-account';

/** What the provider's ID token says about the person. */
export interface SsoClaims {
  iss: string;
  sub: string;
  email?: unknown;
  preferred_username?: unknown;
  email_verified?: unknown;
  name?: unknown;
  tid?: unknown;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The account a single sign-on belongs to, found or created by the partnership's rules:
 * - a Microsoft Entra token (it has `tid`) is accepted only from a tenant an agency lists; its agency is that agency;
 * - otherwise the agency is the one whose email domains hold the address;
 * - an identity signed in before finds its account by issuer and subject;
 * - a first sign-in links to an existing account with the same address only when the address is
 *   verified: `email_verified` from the provider, or an address on the domains of the agency whose
 *   tenant issued the token (which also claims an account a trainer made for a walk-in);
 * - otherwise a new account is made: active when an agency was found, else waiting for a coordinator.
 */
export async function accountForSso(em: EntityManager, claims: SsoClaims, now: Date): Promise<Person> {
  const email = String(claims.email ?? claims.preferred_username ?? '')
    .trim()
    .toLowerCase();
  if (!EMAIL.test(email) || email.length > 320) {
    throw new DomainError(
      ErrorCode.NotAllowed,
      'Your organisation did not tell us your email address, so we cannot sign you in this way. Sign in with your email address instead.',
    );
  }
  const domain = email.split('@')[1]!;
  const tenant = typeof claims.tid === 'string' ? claims.tid.toLowerCase() : null;
  const live = await em.find(Agency, { retiredAt: null });
  let agency: Agency | null;
  if (tenant) {
    agency = live.find((a) => a.ssoTenantIds.map((t) => t.toLowerCase()).includes(tenant)) ?? null;
    if (!agency) {
      throw new DomainError(
        ErrorCode.NotAllowed,
        `Your organisation's Microsoft sign-in (tenant ${tenant}) is not one the partnership accepts. Sign in with your email address, or ask the training team to add your organisation.`,
      );
    }
  } else {
    agency = live.find((a) => a.emailDomains.includes(domain)) ?? null;
  }
  const verified = claims.email_verified === true || (!!tenant && !!agency && agency.emailDomains.includes(domain));
  const subject = `${claims.iss} ${claims.sub}`;

  const linked = await em.findOne(Person, { ssoSubject: subject }, { populate: ['agency'] });
  if (linked) {
    return linked;
  }
  const existing = await em.findOne(Person, { email }, { populate: ['agency'] });
  if (existing) {
    if (!verified) {
      throw new DomainError(
        ErrorCode.NotAllowed,
        `An account already uses ${email}, and your organisation has not confirmed that address to us. Sign in with your password or a sign-in link instead.`,
      );
    }
    existing.ssoSubject = subject;
    existing.emailVerifiedAt ??= now;
    claimProvisional(existing, now);
    return existing;
  }
  const name = typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim().slice(0, 200) : email;
  return em.create(Person, {
    name,
    email,
    agency,
    roles: [Role.PRACTITIONER],
    status: agency && verified ? PersonStatus.ACTIVE : PersonStatus.PENDING_APPROVAL,
    emailVerifiedAt: verified ? now : null,
    ssoSubject: subject,
    createdAt: now,
  });
}
