import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { DomainError, ErrorCode, PersonStatus, SignInMethod, isOnDomains, type Role } from '@lh/domain';
import * as argon2 from 'argon2';
import { createHash, randomBytes } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { Clock } from '../common/clock';
import { Agency } from '../people/agency.entity';
import { Person } from '../people/person.entity';
import type { Viewer } from '../common/viewer';
import { AuthSession } from './auth-session.entity';
import type { ClientInfo } from './client-info';
import { RateLimitName, RateLimitService } from './rate-limit.service';

export { SESSION_COOKIE } from './client-info';

/** How often a session's "last used" time is written: at most once in this many minutes. */
export const LAST_USED_EVERY_MINUTES = 5;

/** Said to people whose agency signs them in with its own account, when they try a password. */
export const USE_SINGLE_SIGN_ON =
  'Your organisation signs you in with its own account, not a Learning Hub password. Use your organisation’s single sign-on instead.';

/** Hash used when an email is unknown, so a wrong email takes as long as a wrong password. */
let dummyHash: Promise<string> | undefined;

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function toViewer(person: Person): Viewer {
  return {
    id: person.id,
    name: person.name,
    email: person.email,
    roles: [...person.roles],
    agencyId: person.agency?.id ?? null,
  };
}

/** What the sign-in lookup reads: the session's times and the viewer's person. */
interface SessionRow {
  expires_at: Date | string;
  last_used_at: Date | string | null;
  id: string;
  name: string;
  email: string;
  roles: string[];
  agency_id: string | null;
  status: PersonStatus;
}

/** Why an account with the right password still cannot sign in (null when it can). Told only after the password matched. */
export function signInRefusal(status: PersonStatus): string | null {
  switch (status) {
    case PersonStatus.ACTIVE:
      return null;
    case PersonStatus.UNVERIFIED:
      return 'Confirm your email address first: open the link in the email we sent you when you registered.';
    case PersonStatus.PENDING_APPROVAL:
      return 'Your registration is waiting for the training team to approve it. We will email you when they have.';
    case PersonStatus.REFUSED:
      return 'Your registration was not approved. Contact the training team if you think this is wrong.';
    case PersonStatus.DEACTIVATED:
      return 'This account has been closed. Contact the training team if you need it again.';
    case PersonStatus.PROVISIONAL:
      return 'A trainer made this account when you were added to a session at the door, and it has no password yet. Claim it with the link in the email we sent you, or ask for a sign-in link.';
    case PersonStatus.ERASED:
      return 'This account was erased at your request. Register again to use Learning Hub.';
  }
}

/**
 * Sessions (start, find, end) and signing in with a password. Sign-in links are in
 * sign-in-link.service.ts, passwords in password.service.ts, the list of a person's sessions in
 * sessions.service.ts; all of them start sessions here.
 */
@Injectable()
export class AuthService {
  constructor(
    private readonly em: EntityManager,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly rateLimits: RateLimitService,
  ) {}

  static hashPassword(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id });
  }

  /** Whether `password` matches `hash`; as slow for a missing hash as for a wrong password. */
  static async passwordMatches(hash: string | null | undefined, password: string): Promise<boolean> {
    const against = hash ?? (await (dummyHash ??= AuthService.hashPassword(randomBytes(16).toString('hex'))));
    const ok = await argon2.verify(against, password).catch(() => false);
    return !!hash && ok;
  }

  /**
   * Checks email and password; on success starts a session and returns its token (for the cookie).
   * Refused while the IP address or the account is waiting after too many failures; a wrong password
   * counts against both. People whose agency uses single sign-on only are told to use it.
   */
  async signIn(
    email: string,
    password: string,
    client: Pick<ClientInfo, 'ip' | 'userAgent'>,
    now = this.clock.now(),
  ): Promise<{ token: string; expiresAt: Date; viewer: Viewer }> {
    const address = email.trim().toLowerCase();
    await this.rateLimits.check(RateLimitName.SIGN_IN_PER_IP, client.ip);
    await this.rateLimits.checkSignInWait(address);
    const em = this.em.fork();
    // Known from the address alone (the agency's domains), so it says nothing about whether an account exists.
    if (await this.onSingleSignOnOnlyDomain(em, address)) {
      throw new DomainError(ErrorCode.NotAllowed, USE_SINGLE_SIGN_ON);
    }
    const person = await em.findOne(Person, { email: address }, { populate: ['passwordHash', 'agency'], exclude: [] });
    if (!person || !(await AuthService.passwordMatches(person.passwordHash, password))) {
      await this.rateLimits.signInFailed(address);
      await this.rateLimits.count(RateLimitName.SIGN_IN_PER_IP, client.ip);
      throw new DomainError(ErrorCode.InvalidCredentials, 'The email address or password is not right. Check them and try again.');
    }
    await this.rateLimits.signInSucceeded(address);
    if (person.agency && !person.agency.passwordSignIn) {
      throw new DomainError(ErrorCode.NotAllowed, USE_SINGLE_SIGN_ON);
    }
    const refusal = signInRefusal(person.status);
    if (refusal) {
      throw new DomainError(ErrorCode.AccountNotActive, refusal);
    }
    const session = await em.transactional((tx) => this.startSession(tx, person, SignInMethod.PASSWORD, client.userAgent, now));
    return { ...session, viewer: toViewer(person) };
  }

  /** Whether the address is on the domains of an agency whose people sign in only with its single sign-on. */
  async onSingleSignOnOnlyDomain(em: EntityManager, address: string): Promise<boolean> {
    const agencies = await em.find(Agency, { passwordSignIn: false, retiredAt: null }, { fields: ['emailDomains'] });
    return agencies.some((a) => a.emailDomains.length > 0 && isOnDomains(address, a.emailDomains));
  }

  /** Starts a session for `person` (a sign-in that has been checked) in the caller's transaction; returns the cookie's token. */
  async startSession(
    em: EntityManager,
    person: Person,
    method: SignInMethod,
    userAgent: string | null,
    now: Date,
  ): Promise<{ token: string; expiresAt: Date }> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + this.config.sessionTtlHours * 3_600_000);
    em.create(AuthSession, {
      tokenHash: hashSessionToken(token),
      person,
      createdAt: now,
      lastUsedAt: now,
      expiresAt,
      method,
      userAgent: userAgent?.slice(0, 300) ?? null,
    });
    await em.flush();
    return { token, expiresAt };
  }

  /** Ends every session of a person, except the one whose token is `keepToken`. */
  async endSessions(em: EntityManager, personId: string, keepToken?: string): Promise<number> {
    return em.nativeDelete(AuthSession, {
      person: personId,
      ...(keepToken ? { tokenHash: { $ne: hashSessionToken(keepToken) } } : {}),
    });
  }

  /**
   * The person a session token belongs to, if the session is still live. Extends sessions in use and
   * notes when they were last used (at most every LAST_USED_EVERY_MINUTES).
   */
  async viewerForToken(token: string | undefined, now = this.clock.now()): Promise<Viewer | undefined> {
    if (!token) {
      return undefined;
    }
    // Every signed-in request starts here, so it is one hand-written select of just what a viewer is, not an
    // entity with its person (a statement and its ORM work on every request).
    const em = this.em.fork();
    const tokenHash = hashSessionToken(token);
    const [row] = await em.execute<SessionRow[]>(
      `select s.expires_at, s.last_used_at, p.id, p.name, p.email, p.roles::text[] as roles, p.agency_id, p.status
         from auth_session s join person p on p.id = s.person_id
        where s.token_hash = ?`,
      [tokenHash],
    );
    if (!row) {
      return undefined;
    }
    const at = now.getTime();
    const expiresAt = new Date(row.expires_at).getTime();
    if (expiresAt <= at || row.status !== PersonStatus.ACTIVE) {
      await em.nativeDelete(AuthSession, { tokenHash });
      return undefined;
    }
    const ttl = this.config.sessionTtlHours * 3_600_000;
    const extend = expiresAt - at < ttl / 2;
    const lastUsed = row.last_used_at ? new Date(row.last_used_at).getTime() : null;
    const touch = lastUsed === null || at - lastUsed >= LAST_USED_EVERY_MINUTES * 60_000;
    if (extend || touch) {
      await em.nativeUpdate(
        AuthSession,
        { tokenHash },
        { ...(extend ? { expiresAt: new Date(at + ttl) } : {}), ...(touch ? { lastUsedAt: now } : {}) },
      );
    }
    return { id: row.id, name: row.name, email: row.email, roles: row.roles as Role[], agencyId: row.agency_id };
  }

  async signOut(token: string | undefined): Promise<void> {
    if (!token) {
      return;
    }
    await this.em.fork().nativeDelete(AuthSession, { tokenHash: hashSessionToken(token) });
  }
}
