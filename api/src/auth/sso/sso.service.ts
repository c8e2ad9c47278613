import { Inject, Injectable, Logger } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { AuditAction, DomainError, ErrorCode, SignInMethod } from '@lh/domain';
import * as oidc from 'openid-client';
import { createHash } from 'node:crypto';
import { APP_CONFIG, isLoopback, type AppConfig } from '../../config/config';
import { Clock } from '../../common/clock';
import { AuthService, signInRefusal, toViewer } from '../auth.service';
import type { Viewer } from '../../common/viewer';
import { AuditLog } from '../../audit/audit-log';
import type { ClientInfo } from '../client-info';
import { SsoAttempt } from './sso-attempt.entity';
import { accountForSso, type SsoClaims } from './sso-identity';

/** How long someone has to finish signing in at their provider. */
const ATTEMPT_MINUTES = 10;

const hash = (state: string) => createHash('sha256').update(state).digest('hex');

const TRY_AGAIN = 'Signing in with your organisation account did not work. Try again, or sign in with your email address.';

/**
 * Single sign-on with OpenID Connect (authorization code flow with PKCE, state and nonce) through
 * openid-client. `start` gives the provider's address and a state the web app keeps in a cookie;
 * `finish` takes the provider's answer at the callback, checks it, and starts a session for the
 * account the rules in sso-identity.ts give.
 */
@Injectable()
export class SsoService {
  private readonly log = new Logger(SsoService.name);
  private discovered?: Promise<oidc.Configuration>;

  constructor(
    private readonly em: EntityManager,
    private readonly auth: AuthService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get buttonLabel(): string | null {
    return this.config.sso?.buttonLabel ?? null;
  }

  get redirectUri(): string {
    return `${this.config.webOrigin}/sign-in/sso/callback`;
  }

  async start(nextPath: string): Promise<{ authorizationUrl: string; state: string }> {
    const client = await this.client();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const now = this.clock.now();
    const em = this.em.fork();
    await em.nativeDelete(SsoAttempt, { expiresAt: { $lt: now } });
    em.create(SsoAttempt, {
      stateHash: hash(state),
      codeVerifier,
      nonce,
      nextPath,
      expiresAt: new Date(now.getTime() + ATTEMPT_MINUTES * 60_000),
      createdAt: now,
    });
    await em.flush();
    const url = oidc.buildAuthorizationUrl(client, {
      redirect_uri: this.redirectUri,
      scope: this.config.sso!.scopes,
      state,
      nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
    });
    return { authorizationUrl: url.href, state };
  }

  /**
   * `callbackQuery` is the query string the provider sent the browser back with; `browserState` the
   * state from the cookie set at `start`. A state that is not this browser's, unknown, used or
   * expired, and a code the provider refuses (expired, used, tampered), each end with a sentence.
   */
  async finish(
    callbackQuery: string,
    browserState: string,
    browser: Pick<ClientInfo, 'userAgent' | 'requestId'>,
  ): Promise<{ token: string; expiresAt: Date; nextPath: string; viewer: Viewer }> {
    const client = await this.client();
    const callback = new URL(`${this.redirectUri}?${callbackQuery.replace(/^\?/, '')}`);
    const state = callback.searchParams.get('state') ?? '';
    const now = this.clock.now();
    const em = this.em.fork();
    const attempt = state && state === browserState ? await em.findOne(SsoAttempt, { stateHash: hash(state) }) : null;
    if (!attempt) {
      throw new DomainError(
        ErrorCode.InvalidToken,
        `This sign-in was not started in this browser, or it was already finished. ${TRY_AGAIN}`,
      );
    }
    await em.remove(attempt).flush();
    if (attempt.expiresAt.getTime() <= now.getTime()) {
      throw new DomainError(ErrorCode.TokenExpired, `Signing in took longer than ${ATTEMPT_MINUTES} minutes. Try again.`);
    }
    let claims: SsoClaims;
    try {
      const tokens = await oidc.authorizationCodeGrant(client, callback, {
        pkceCodeVerifier: attempt.codeVerifier,
        expectedState: state,
        expectedNonce: attempt.nonce,
        idTokenExpected: true,
      });
      claims = tokens.claims() as unknown as SsoClaims;
    } catch (e) {
      throw this.providerRefusal(e);
    }
    // The account is kept even when it cannot sign in yet (a new one waiting for a coordinator).
    const person = await em.transactional(async (tx) => {
      const p = await accountForSso(tx, claims, now);
      await tx.flush();
      return p;
    });
    const refusal = signInRefusal(person.status);
    if (refusal) {
      throw new DomainError(ErrorCode.AccountNotActive, refusal);
    }
    const viewer = { ...toViewer(person), requestId: browser.requestId };
    const session = await em.transactional(async (tx) => {
      const started = await this.auth.startSession(tx, person, SignInMethod.SSO, browser.userAgent, now);
      AuditLog.record(tx, viewer, {
        action: AuditAction.SINGLE_SIGN_ON,
        at: now,
        subject: { type: 'person', id: person.id },
        subjectPerson: { id: person.id, name: person.name },
        after: { email: person.email, provider: claims.iss },
      });
      return started;
    });
    return { ...session, viewer, nextPath: attempt.nextPath };
  }

  private providerRefusal(e: unknown): DomainError {
    if (e instanceof oidc.AuthorizationResponseError && e.error === 'access_denied') {
      return new DomainError(ErrorCode.NotAllowed, `You did not finish signing in with your organisation account. ${TRY_AGAIN}`);
    }
    if (e instanceof oidc.ResponseBodyError && e.error === 'invalid_grant') {
      return new DomainError(ErrorCode.TokenExpired, `The sign-in from your organisation had expired or was already used. Try again.`);
    }
    this.log.warn(`Single sign-on refused: ${e instanceof Error ? `${e.name}: ${e.message}` : 'unknown error'}`);
    return new DomainError(ErrorCode.InvalidToken, TRY_AGAIN);
  }

  private client(): Promise<oidc.Configuration> {
    const sso = this.config.sso;
    if (!sso) {
      return Promise.reject(new DomainError(ErrorCode.NotFound, 'Single sign-on is not set up here. Sign in with your email address.'));
    }
    this.discovered ??= oidc
      .discovery(
        new URL(sso.issuer),
        sso.clientId,
        sso.clientSecret,
        undefined,
        isLoopback(sso.issuer) ? { execute: [oidc.allowInsecureRequests] } : {},
      )
      .catch((e: unknown) => {
        this.discovered = undefined;
        this.log.error(`Single sign-on provider not reachable at ${sso.issuer}: ${e instanceof Error ? e.message : String(e)}`);
        throw new DomainError(
          ErrorCode.NotFound,
          'Signing in with your organisation account is not available just now. Sign in with your email address.',
        );
      });
    return this.discovered;
  }
}
