import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AgencyRequestStatus, MailKind, PersonStatus } from '@lh/domain';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { AccountTokenPurpose, AccountTokenService, TOKEN_LIFETIME_MINUTES } from '../auth/account-token.service';
import { MailOutboxService } from '../notifications/mail-outbox.service';
import type { MailContent } from '../notifications/mail-layout';
import * as templates from '../notifications/registration-mail-templates';
import type { Person } from '../people/person.entity';
import type { AgencyRequest } from '../people/agency-request.entity';

/**
 * The mail of registering and of the coordinators' decisions, queued in the caller's transaction.
 * Links come from WEB_ORIGIN; a confirmation link is a VERIFY_EMAIL account token.
 */
@Injectable()
export class RegistrationMailer {
  constructor(
    private readonly outbox: MailOutboxService,
    private readonly tokens: AccountTokenService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private url(path: string): string {
    return `${this.config.webOrigin}${path}`;
  }

  private common(person: Person): templates.AccountMailCommon {
    return { partnershipName: this.config.partnershipName, recipientName: person.name, contactEmail: this.config.partnershipContactEmail };
  }

  private send(em: EntityManager, person: Person, kind: MailKind, mail: MailContent): Promise<unknown> {
    return this.outbox.enqueue(em, { kind, to: { email: person.email, name: person.name }, personId: person.id, ...mail });
  }

  private async confirmLink(em: EntityManager, person: Person, now: Date): Promise<string> {
    const token = await this.tokens.issue(em, person, AccountTokenPurpose.VERIFY_EMAIL, now);
    return this.url(`/register/confirm/${token}`);
  }

  /** A new confirmation link (earlier ones stop working). */
  async verify(em: EntityManager, person: Person, now: Date): Promise<void> {
    const confirm = await this.confirmLink(em, person, now);
    await this.send(
      em,
      person,
      MailKind.ACCOUNT_VERIFY,
      templates.accountVerify({
        ...this.common(person),
        hoursValid: TOKEN_LIFETIME_MINUTES[AccountTokenPurpose.VERIFY_EMAIL] / 60,
        links: { confirm, resend: this.url('/register/resend') },
      }),
    );
  }

  /**
   * Someone registered with the address of this existing account: say what to do instead (an unconfirmed
   * one gets a new link; a provisional one, made for a walk-in, a link to claim it by choosing a password).
   */
  async exists(em: EntityManager, person: Person, now: Date): Promise<void> {
    const situation =
      person.status === PersonStatus.ACTIVE ||
      person.status === PersonStatus.UNVERIFIED ||
      person.status === PersonStatus.PENDING_APPROVAL ||
      person.status === PersonStatus.PROVISIONAL
        ? person.status
        : 'CLOSED';
    const confirm = situation === PersonStatus.UNVERIFIED ? await this.confirmLink(em, person, now) : null;
    const claim =
      situation === PersonStatus.PROVISIONAL
        ? this.url(`/account/set-password/${await this.tokens.issue(em, person, AccountTokenPurpose.INVITE, now)}`)
        : null;
    await this.send(
      em,
      person,
      MailKind.ACCOUNT_EXISTS,
      templates.accountExists({ ...this.common(person), situation, links: { signIn: this.url('/sign-in'), confirm, claim } }),
    );
  }

  async approved(em: EntityManager, person: Person): Promise<void> {
    await this.send(
      em,
      person,
      MailKind.REGISTRATION_APPROVED,
      templates.registrationApproved({ ...this.common(person), links: { signIn: this.url('/sign-in') } }),
    );
  }

  async refused(em: EntityManager, person: Person, reason: string | null): Promise<void> {
    await this.send(em, person, MailKind.REGISTRATION_REFUSED, templates.registrationRefused({ ...this.common(person), reason }));
  }

  /** The request must have its person, requested agency and result agency loaded. */
  async agencyRequestDecided(em: EntityManager, request: AgencyRequest): Promise<void> {
    const person = request.person;
    const outcome = request.status;
    if (outcome === AgencyRequestStatus.PENDING) {
      throw new Error('agencyRequestDecided needs a decided request');
    }
    await this.send(
      em,
      person,
      MailKind.AGENCY_REQUEST_DECIDED,
      templates.agencyRequestDecided({
        ...this.common(person),
        outcome,
        requested: request.requestedName ?? request.requestedAgency?.name ?? '',
        agencyName: request.resultAgency?.name ?? null,
        reason: request.reason ?? null,
        accountActive: person.status === PersonStatus.ACTIVE,
        links: { account: this.url('/account'), signIn: this.url('/sign-in') },
      }),
    );
  }
}
