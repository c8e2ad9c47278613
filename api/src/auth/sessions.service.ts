import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { DomainError, ErrorCode, SignInMethod, describeUserAgent } from '@lh/domain';
import { Clock } from '../common/clock';
import type { Viewer } from '../common/viewer';
import { Person } from '../people/person.entity';
import { AuthSession } from './auth-session.entity';
import { AuthService, hashSessionToken } from './auth.service';
import { singleSignOnOnly } from './sign-in-link.service';

export interface SignedInSession {
  id: string;
  browser: string;
  method: SignInMethod | null;
  startedAt: Date;
  lastUsedAt: Date | null;
  thisDevice: boolean;
}

export interface AccountSecurity {
  hasPassword: boolean;
  passwordSignIn: boolean;
  sessions: SignedInSession[];
}

const METHODS = new Set<string>(Object.values(SignInMethod));

/** "Where you are signed in": a person's own live sessions, signing out of one, or of all. */
@Injectable()
export class SessionsService {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly auth: AuthService,
  ) {}

  /** The viewer's password settings and live sessions, the most recently used first; `sessionToken` marks this device. */
  async accountSecurity(viewer: Viewer, sessionToken: string | undefined, now = this.clock.now()): Promise<AccountSecurity> {
    const em = this.em.fork();
    const person = await em.findOneOrFail(Person, { id: viewer.id }, { populate: ['passwordHash', 'agency'], exclude: [] });
    const sessions = await em.find(AuthSession, { person: viewer.id, expiresAt: { $gt: now } });
    const current = sessionToken ? hashSessionToken(sessionToken) : null;
    const lastUsed = (s: AuthSession) => (s.lastUsedAt ?? s.createdAt).getTime();
    return {
      hasPassword: !!person.passwordHash,
      passwordSignIn: !singleSignOnOnly(person),
      sessions: sessions
        .sort((a, b) => Number(b.tokenHash === current) - Number(a.tokenHash === current) || lastUsed(b) - lastUsed(a))
        .map((s) => ({
          id: s.publicId,
          browser: describeUserAgent(s.userAgent),
          method: s.method && METHODS.has(s.method) ? (s.method as SignInMethod) : null,
          startedAt: s.createdAt,
          lastUsedAt: s.lastUsedAt ?? null,
          thisDevice: s.tokenHash === current,
        })),
    };
  }

  /** Ends one of the viewer's own sessions. */
  async signOutSession(viewer: Viewer, sessionId: string): Promise<void> {
    const ended = await this.em.fork().nativeDelete(AuthSession, { person: viewer.id, publicId: sessionId });
    if (ended === 0) {
      throw new DomainError(ErrorCode.NotFound, 'You are no longer signed in there: it may have ended already.');
    }
  }

  /** Ends every session of the viewer, this one included. */
  async signOutEverywhere(viewer: Viewer): Promise<number> {
    return this.auth.endSessions(this.em.fork(), viewer.id);
  }
}
