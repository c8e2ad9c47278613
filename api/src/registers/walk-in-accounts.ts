import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  DomainError,
  ErrorCode,
  MailKind,
  PersonStatus,
  Role,
  formatLondonDateTime,
  sharedMailboxProblem,
  type FieldProblem,
} from '@lh/domain';
import { isEmail } from 'class-validator';
import { AccountTokenPurpose, AccountTokenService, TOKEN_LIFETIME_MINUTES } from '../auth/account-token.service';
import { singleSignOnOnly } from '../auth/sign-in-link.service';
import type { Viewer } from '../common/viewer';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { MailOutboxService } from '../notifications/mail-outbox.service';
import { walkInAdded } from '../notifications/mail-templates';
import { sessionPlace } from '../notifications/session-place';
import { AgencyRepository } from '../people/agency.repository';
import { Person } from '../people/person.entity';
import type { RegisterContext } from './register-access';

export interface NewWalkIn {
  name?: string | null;
  email?: string | null;
  agencyId?: string | null;
}

export const ACCOUNT_EXISTS_MESSAGE = 'There is already an account for that email address: search for it';

/**
 * The accounts trainers make at the door: someone new gives their name, work email and agency; they
 * get a PROVISIONAL account (no password) and a mail saying where they were added and how to claim it.
 */
@Injectable()
export class WalkInAccounts {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly agencies: AgencyRepository,
    private readonly tokens: AccountTokenService,
    private readonly outbox: MailOutboxService,
  ) {}

  /** Checks every answer (all problems at once, each naming its field) and makes the provisional account. */
  async create(em: EntityManager, input: NewWalkIn, now: Date): Promise<Person> {
    const problems: FieldProblem[] = [];
    const problem = (field: string, message: string) => problems.push({ field: `input.${field}`, message });
    const name = input.name?.trim() ?? '';
    const email = input.email?.trim().toLowerCase() ?? '';
    if (!name) {
      problem('name', 'Enter their full name');
    }
    if (!email) {
      problem('email', 'Enter their work email address');
    } else if (!isEmail(email)) {
      problem('email', 'Enter their email address in the correct format, like name@example.org');
    } else {
      const shared = sharedMailboxProblem(email, this.config.sharedMailboxLocalParts);
      if (shared) {
        problem('email', shared.replace('Enter your own email address', 'Enter their own email address'));
      } else if (await em.count(Person, { email })) {
        problem('email', ACCOUNT_EXISTS_MESSAGE);
      }
    }
    const agency = input.agencyId ? (await this.agencies.offered(em)).find((a) => a.id === input.agencyId) : undefined;
    if (!agency) {
      problem('agencyId', 'Choose their agency from the list');
    }
    if (problems.length) {
      throw new DomainError(ErrorCode.BadUserInput, `${problems.map((p) => p.message).join('. ')}.`, problems);
    }
    const person = em.create(Person, {
      name,
      email,
      agency,
      roles: [Role.PRACTITIONER],
      status: PersonStatus.PROVISIONAL,
      emailVerifiedAt: null,
      passwordHash: null,
      createdAt: now,
    });
    await em.flush();
    return person;
  }

  /** Queues the WALK_IN_ADDED mail (where they were added, by whom, and how to claim the account) in the caller's transaction. */
  async mailAdded(em: EntityManager, viewer: Viewer, person: Person, ctx: RegisterContext, bookingId: string, now: Date): Promise<void> {
    const bySso = singleSignOnOnly(person);
    const claim = bySso ? null : await this.tokens.issue(em, person, AccountTokenPurpose.INVITE, now);
    const expiresAt = new Date(now.getTime() + TOKEN_LIFETIME_MINUTES[AccountTokenPurpose.INVITE] * 60_000);
    const parts = ctx.session.parts.getItems().sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    const mail = walkInAdded({
      partnershipName: this.config.partnershipName,
      recipientName: person.name,
      trainerName: viewer.name,
      email: person.email,
      session: {
        courseTitle: ctx.session.course.title,
        parts: parts.map((p) => ({ start: p.startsAt, end: p.endsAt })),
        place: sessionPlace(ctx.session, { withJoinUrl: false }),
      },
      expiresAt: claim ? formatLondonDateTime(expiresAt) : null,
      links: {
        claim: claim ? `${this.config.webOrigin}/account/set-password/${claim}` : null,
        signIn: `${this.config.webOrigin}/sign-in`,
        forgotPassword: `${this.config.webOrigin}/sign-in/forgot-password`,
      },
    });
    await this.outbox.enqueue(em, {
      kind: MailKind.WALK_IN_ADDED,
      to: { email: person.email, name: person.name },
      personId: person.id,
      sessionId: ctx.session.id,
      bookingId,
      ...mail,
    });
  }
}
