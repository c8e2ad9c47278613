import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { DomainError, ErrorCode, MailKind, SignInMethod } from '@lh/domain';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { Clock } from '../common/clock';
import type { Viewer } from '../common/viewer';
import { Person } from '../people/person.entity';
import { MailOutboxService } from '../notifications/mail-outbox.service';
import { passwordChanged, passwordReset, useSingleSignOn } from '../notifications/sign-in-mail-templates';
import { AccountTokenPurpose, AccountTokenService, TOKEN_LIFETIME_MINUTES } from './account-token.service';
import { AuthService, USE_SINGLE_SIGN_ON, signInRefusal, toViewer } from './auth.service';
import type { ClientInfo } from './client-info';
import { canBeSentLinks, claimProvisional } from './provisional-account';
import { RateLimitName, RateLimitService } from './rate-limit.service';
import { singleSignOnOnly } from './sign-in-link.service';

export type PasswordLinkKind = 'RESET' | 'INVITE';

/**
 * Passwords: "forgot your password?" (a reset link by mail), choosing a password from a reset link or
 * a coordinator's invitation, and changing it while signed in. Every new password signs out every
 * other session and is confirmed by mail.
 */
@Injectable()
export class PasswordService {
  constructor(
    private readonly em: EntityManager,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly tokens: AccountTokenService,
    private readonly outbox: MailOutboxService,
    private readonly auth: AuthService,
    private readonly rateLimits: RateLimitService,
  ) {}

  /**
   * Mails a reset link to an active or provisional account at `email` (nothing otherwise; for a
   * provisional one the new password claims it); the answer is the same either way. Limited per address here, per IP address by the resolver.
   */
  async requestReset(email: string, now = this.clock.now()): Promise<void> {
    const address = email.trim().toLowerCase();
    await this.rateLimits.consume(RateLimitName.PASSWORD_RESET_PER_ADDRESS, address);
    await this.em.fork().transactional(async (tx) => {
      const person = await tx.findOne(Person, { email: address }, { populate: ['agency'] });
      if (!person || !canBeSentLinks(person)) {
        return;
      }
      const common = { partnershipName: this.config.partnershipName, recipientName: person.name };
      const mail = singleSignOnOnly(person)
        ? useSingleSignOn({ ...common, asked: 'password-reset', links: { signIn: `${this.config.webOrigin}/sign-in` } })
        : passwordReset({
            ...common,
            link: `${this.config.webOrigin}/account/set-password/${await this.tokens.issue(tx, person, AccountTokenPurpose.RESET_PASSWORD, now)}`,
            minutes: TOKEN_LIFETIME_MINUTES.RESET_PASSWORD,
          });
      await this.outbox.enqueue(tx, { kind: MailKind.PASSWORD_RESET, to: person, personId: person.id, ...mail });
    });
  }

  /** What a set-password link is for (a reset or an invitation) and whose it is, without using it. */
  async describeLink(token: string, now = this.clock.now()): Promise<{ kind: PasswordLinkKind; name: string; email: string }> {
    const em = this.em.fork();
    try {
      const person = await this.tokens.peek(em, token, AccountTokenPurpose.RESET_PASSWORD, now);
      return { kind: 'RESET', name: person.name, email: person.email };
    } catch (e) {
      if (!(e instanceof DomainError) || e.code !== ErrorCode.InvalidToken) {
        throw e;
      }
    }
    const person = await this.tokens.peek(em, token, AccountTokenPurpose.INVITE, now);
    return { kind: 'INVITE', name: person.name, email: person.email };
  }

  /**
   * Sets a password from a reset link or an invitation (which also confirms the address, and claims a
   * provisional account), signs out every session the person had, mails PASSWORD_CHANGED, and signs them in here.
   */
  async setWithLink(
    token: string,
    password: string,
    client: Pick<ClientInfo, 'userAgent'>,
    now = this.clock.now(),
  ): Promise<{ token: string; expiresAt: Date; viewer: Viewer }> {
    const hash = await AuthService.hashPassword(password);
    const { person, session } = await this.em.fork().transactional(async (tx) => {
      const person = await this.tokens.consume(tx, token, [AccountTokenPurpose.RESET_PASSWORD, AccountTokenPurpose.INVITE], now);
      if (singleSignOnOnly(person)) {
        throw new DomainError(ErrorCode.NotAllowed, USE_SINGLE_SIGN_ON);
      }
      claimProvisional(person, now);
      const refusal = signInRefusal(person.status);
      if (refusal) {
        throw new DomainError(ErrorCode.AccountNotActive, refusal);
      }
      person.passwordHash = hash;
      person.emailVerifiedAt ??= now;
      await this.auth.endSessions(tx, person.id);
      await this.mailPasswordChanged(tx, person, now);
      return { person, session: await this.auth.startSession(tx, person, SignInMethod.LINK, client.userAgent, now) };
    });
    await this.rateLimits.signInSucceeded(person.email);
    return { ...session, viewer: toViewer(person) };
  }

  /** Changes the signed-in person's password (the current one is asked for); signs out every other session. */
  async change(
    viewer: Viewer,
    currentPassword: string,
    newPassword: string,
    client: Pick<ClientInfo, 'sessionToken'>,
    now = this.clock.now(),
  ): Promise<void> {
    await this.rateLimits.checkSignInWait(viewer.email);
    const em = this.em.fork();
    const person = await em.findOneOrFail(Person, { id: viewer.id }, { populate: ['passwordHash', 'agency'], exclude: [] });
    if (singleSignOnOnly(person)) {
      throw new DomainError(ErrorCode.NotAllowed, USE_SINGLE_SIGN_ON);
    }
    if (!(await AuthService.passwordMatches(person.passwordHash, currentPassword))) {
      await this.rateLimits.signInFailed(person.email);
      const message = person.passwordHash
        ? 'Your current password is not right'
        : 'You have not set a password yet: use “Forgot your password?” on the sign-in page to choose one';
      throw new DomainError(ErrorCode.BadUserInput, message, [{ field: 'input.currentPassword', message }]);
    }
    const hash = await AuthService.hashPassword(newPassword);
    await em.transactional(async (tx) => {
      const locked = await tx.findOneOrFail(Person, { id: person.id });
      locked.passwordHash = hash;
      await this.auth.endSessions(tx, person.id, client.sessionToken);
      await this.mailPasswordChanged(tx, locked, now);
    });
  }

  private async mailPasswordChanged(tx: EntityManager, person: Person, now: Date): Promise<void> {
    const mail = passwordChanged({
      partnershipName: this.config.partnershipName,
      recipientName: person.name,
      changedAt: now,
      links: { forgotPassword: `${this.config.webOrigin}/sign-in/forgot-password` },
    });
    await this.outbox.enqueue(tx, { kind: MailKind.PASSWORD_CHANGED, to: person, personId: person.id, ...mail });
  }
}
