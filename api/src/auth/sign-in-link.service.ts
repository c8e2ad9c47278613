import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { DomainError, ErrorCode, MailKind, SignInMethod } from '@lh/domain';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { Clock } from '../common/clock';
import type { Viewer } from '../common/viewer';
import { Person } from '../people/person.entity';
import { MailOutboxService } from '../notifications/mail-outbox.service';
import { signInLink, useSingleSignOn } from '../notifications/sign-in-mail-templates';
import { AccountTokenPurpose, AccountTokenService, TOKEN_LIFETIME_MINUTES } from './account-token.service';
import { AuthService, USE_SINGLE_SIGN_ON, signInRefusal, toViewer } from './auth.service';
import type { ClientInfo } from './client-info';
import { canBeSentLinks, claimProvisional } from './provisional-account';
import { RateLimitName, RateLimitService } from './rate-limit.service';

/** Whether a person signs in only with their organisation's single sign-on. */
export function singleSignOnOnly(person: Person): boolean {
  return !!person.agency && !person.agency.passwordSignIn;
}

/**
 * One-time sign-in links by mail. Asking always gives the same answer, whether or not the address
 * has an account; the link (15 minutes, once) signs the person in on the device that opens it.
 */
@Injectable()
export class SignInLinkService {
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
   * Mails a sign-in link to an active or provisional account at `email` (nothing otherwise; using it
   * claims a provisional one); the answer is the same either way. Limited per address here, per IP address by the resolver.
   */
  async requestLink(email: string, next: string | null, now = this.clock.now()): Promise<void> {
    const address = email.trim().toLowerCase();
    await this.rateLimits.consume(RateLimitName.SIGN_IN_LINK_PER_ADDRESS, address);
    await this.em.fork().transactional(async (tx) => {
      const person = await tx.findOne(Person, { email: address }, { populate: ['agency'] });
      if (!person || !canBeSentLinks(person)) {
        return;
      }
      const common = { partnershipName: this.config.partnershipName, recipientName: person.name };
      if (singleSignOnOnly(person)) {
        const mail = useSingleSignOn({ ...common, asked: 'sign-in-link', links: { signIn: `${this.config.webOrigin}/sign-in` } });
        await this.outbox.enqueue(tx, { kind: MailKind.SIGN_IN_LINK, to: person, personId: person.id, ...mail });
        return;
      }
      const token = await this.tokens.issue(tx, person, AccountTokenPurpose.SIGN_IN, now);
      const link = `${this.config.webOrigin}/sign-in/link/${token}${next ? `?next=${encodeURIComponent(next)}` : ''}`;
      const mail = signInLink({ ...common, link, minutes: TOKEN_LIFETIME_MINUTES.SIGN_IN });
      await this.outbox.enqueue(tx, { kind: MailKind.SIGN_IN_LINK, to: person, personId: person.id, ...mail });
    });
  }

  /** Refuses a link that would not sign anyone in (unknown, used, expired), without using it: for the page that shows the button. */
  async checkLink(token: string, now = this.clock.now()): Promise<void> {
    await this.tokens.peek(this.em.fork(), token, AccountTokenPurpose.SIGN_IN, now);
  }

  /** Uses a sign-in link: starts a session and confirms the address (the person opened our mail), claiming a provisional account. */
  async signInWithLink(
    token: string,
    client: Pick<ClientInfo, 'userAgent'>,
    now = this.clock.now(),
  ): Promise<{ token: string; expiresAt: Date; viewer: Viewer }> {
    const { session, person } = await this.em.fork().transactional(async (tx) => {
      const person = await this.tokens.consume(tx, token, AccountTokenPurpose.SIGN_IN, now);
      if (singleSignOnOnly(person)) {
        throw new DomainError(ErrorCode.NotAllowed, USE_SINGLE_SIGN_ON);
      }
      claimProvisional(person, now);
      const refusal = signInRefusal(person.status);
      if (refusal) {
        throw new DomainError(ErrorCode.AccountNotActive, refusal);
      }
      person.emailVerifiedAt ??= now;
      return { person, session: await this.auth.startSession(tx, person, SignInMethod.LINK, client.userAgent, now) };
    });
    // The owner of the mailbox is in: earlier wrong passwords no longer make them wait.
    await this.rateLimits.signInSucceeded(person.email);
    return { ...session, viewer: toViewer(person) };
  }
}
