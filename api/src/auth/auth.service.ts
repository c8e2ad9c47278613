import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { DomainError, ErrorCode, PersonStatus } from '@lh/domain';
import * as argon2 from 'argon2';
import { createHash, randomBytes } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { Person } from '../people/person.entity';
import type { Viewer } from '../common/viewer';
import { AuthSession } from './auth-session.entity';

export const SESSION_COOKIE = 'lh_session';

/** Hash used when an email is unknown, so a wrong email takes as long as a wrong password. */
let dummyHash: Promise<string> | undefined;

function hashToken(token: string): string {
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
  }
}

@Injectable()
export class AuthService {
  constructor(
    private readonly em: EntityManager,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  static hashPassword(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id });
  }

  /** Checks email and password; on success starts a session and returns its token (for the cookie). */
  async signIn(email: string, password: string): Promise<{ token: string; expiresAt: Date; viewer: Viewer }> {
    const em = this.em.fork();
    const person = await em.findOne(Person, { email: email.trim().toLowerCase() }, { populate: ['passwordHash'], exclude: [] });
    const hash = person?.passwordHash ?? (await (dummyHash ??= AuthService.hashPassword(randomBytes(16).toString('hex'))));
    const ok = await argon2.verify(hash, password).catch(() => false);
    if (!person || !person.passwordHash || !ok) {
      throw new DomainError(ErrorCode.InvalidCredentials, 'The email address or password is not right. Check them and try again.');
    }
    const refusal = signInRefusal(person.status);
    if (refusal) {
      throw new DomainError(ErrorCode.AccountNotActive, refusal);
    }
    return this.startSession(em, person, { method: 'PASSWORD' });
  }

  /** Starts a session for a person who has proved who they are; returns its token (for the cookie). */
  async startSession(
    em: EntityManager,
    person: Person,
    how: { method: 'PASSWORD' | 'LINK' | 'SSO'; userAgent?: string },
  ): Promise<{ token: string; expiresAt: Date; viewer: Viewer }> {
    const token = randomBytes(32).toString('base64url');
    const now = new Date();
    const expiresAt = new Date(now.getTime() + this.config.sessionTtlHours * 3_600_000);
    em.create(AuthSession, {
      tokenHash: hashToken(token),
      person,
      expiresAt,
      method: how.method,
      userAgent: how.userAgent?.slice(0, 300) ?? null,
      lastUsedAt: now,
    });
    await em.flush();
    return { token, expiresAt, viewer: toViewer(person) };
  }

  /** The person a session token belongs to, if the session is still live. Extends sessions in use. */
  async viewerForToken(token: string | undefined): Promise<Viewer | undefined> {
    if (!token) {
      return undefined;
    }
    const em = this.em.fork();
    const session = await em.findOne(AuthSession, { tokenHash: hashToken(token) }, { populate: ['person'] });
    if (!session) {
      return undefined;
    }
    const now = Date.now();
    if (session.expiresAt.getTime() <= now || session.person.status !== PersonStatus.ACTIVE) {
      await em.remove(session).flush();
      return undefined;
    }
    const ttl = this.config.sessionTtlHours * 3_600_000;
    if (session.expiresAt.getTime() - now < ttl / 2) {
      session.expiresAt = new Date(now + ttl);
      await em.flush();
    }
    return toViewer(session.person);
  }

  async signOut(token: string | undefined): Promise<void> {
    if (!token) {
      return;
    }
    await this.em.fork().nativeDelete(AuthSession, { tokenHash: hashToken(token) });
  }
}
