import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import {
  AgencyRequestKind,
  DomainError,
  ErrorCode,
  PersonStatus,
  Role,
  managerEmailProblem,
  passwordProblem,
  sharedMailboxProblem,
  statusAfterConfirmation,
  type FieldProblem,
} from '@lh/domain';
import { isEmail } from 'class-validator';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { Clock } from '../common/clock';
import { AccountTokenPurpose, AccountTokenService } from '../auth/account-token.service';
import { AuthService } from '../auth/auth.service';
import { Agency } from '../people/agency.entity';
import { AgencyRequest } from '../people/agency-request.entity';
import { Person } from '../people/person.entity';
import type { RegisterInput } from './dto/register.input';
import { RegistrationMailer } from './registration-mailer';
import { RegistrationAgencyType, RegistrationConfirmationType, RegistrationLinkType } from './registration.types';

const FORMAT = 'in the correct format, like name@example.org';
const text = (v: string | null | undefined) => (typeof v === 'string' ? v.trim() : '');

/**
 * Registering (anyone, not signed in): the form, confirming the address by a single-use link, and
 * sending the link again. Nothing here says whether an address already has an account: the answer is
 * the same, and the mail to that address says what to do.
 */
@Injectable()
export class RegistrationService {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly tokens: AccountTokenService,
    private readonly mailer: RegistrationMailer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The agencies people can choose from: every one that is not retired, by name. */
  async agencies(): Promise<RegistrationAgencyType[]> {
    const list = await this.em.fork().find(Agency, { retiredAt: null }, { orderBy: { name: 'asc' } });
    return list.map((a) => RegistrationAgencyType.from(a));
  }

  /** Checks every answer (all problems at once), then makes an unconfirmed account and mails the link, or tells the existing account. */
  async register(input: RegisterInput, now = this.clock.now()): Promise<void> {
    const em = this.em.fork();
    const problems: FieldProblem[] = [];
    const problem = (field: string, message: string) => problems.push({ field: `input.${field}`, message });

    const name = text(input.name);
    const email = text(input.email).toLowerCase();
    const jobTitle = text(input.jobTitle);
    const team = text(input.team) || null;
    const agencyName = text(input.agencyName);
    const lineManagerEmail = text(input.lineManagerEmail).toLowerCase() || null;

    if (!name) {
      problem('name', 'Enter your full name');
    }
    if (!email) {
      problem('email', 'Enter your work email address');
    } else if (!isEmail(email)) {
      problem('email', `Enter your email address ${FORMAT}`);
    } else {
      const shared = sharedMailboxProblem(email, this.config.sharedMailboxLocalParts);
      if (shared) {
        problem('email', shared);
      }
    }
    const weak = passwordProblem(input.password ?? '');
    if (weak) {
      problem('password', weak);
    }

    let agency: Agency | null = null;
    if (input.agencyId && agencyName) {
      problem('agencyId', 'Choose your agency from the list, or say it is not listed and enter its name, not both');
    } else if (input.agencyId) {
      agency = await em.findOne(Agency, input.agencyId);
      if (!agency) {
        problem('agencyId', 'Choose your agency from the list');
      } else if (agency.retiredAt) {
        problem(
          'agencyId',
          `${agency.name} is no longer one of the partnership's agencies. Choose the agency you work for now, or say it is not listed and enter its name`,
        );
      }
    } else if (agencyName) {
      // a name typed exactly as a listed agency's is that agency
      agency = await em.findOne(Agency, { name: { $ilike: agencyName.replace(/[\\%_]/g, '\\$&') }, retiredAt: null });
    } else if (typeof input.agencyName === 'string') {
      problem('agencyName', "Enter your agency's name");
    } else {
      problem('agencyId', 'Choose your agency, or say it is not listed and enter its name');
    }
    if (!jobTitle) {
      problem('jobTitle', 'Enter your job title');
    }
    if (lineManagerEmail) {
      const wrong = !isEmail(lineManagerEmail)
        ? `Enter your line manager's email address ${FORMAT}`
        : email && managerEmailProblem({ managerEmail: lineManagerEmail, bookerEmail: email, agency });
      if (wrong) {
        problem('lineManagerEmail', wrong);
      }
    }
    if (problems.length) {
      throw new DomainError(ErrorCode.BadUserInput, problems.map((p) => p.message).join('; '), problems);
    }

    // Hashed whether or not the address has an account, so both answers take as long.
    const passwordHash = await AuthService.hashPassword(input.password);
    const tellExisting = () =>
      em.fork().transactional(async (tx) => {
        const found = await tx.findOne(Person, { email });
        if (found) {
          await this.mailer.exists(tx, found, now);
        }
        return !!found;
      });
    try {
      if (await tellExisting()) {
        return;
      }
      await em.fork().transactional(async (tx) => {
        const person = tx.create(Person, {
          name,
          email,
          jobTitle,
          team,
          lineManagerEmail,
          agency: agency ? tx.getReference(Agency, agency.id) : undefined,
          roles: [Role.PRACTITIONER],
          status: PersonStatus.UNVERIFIED,
          emailVerifiedAt: null,
          passwordHash,
          createdAt: now,
        });
        if (!agency) {
          tx.create(AgencyRequest, { person, kind: AgencyRequestKind.JOIN, requestedName: agencyName, createdAt: now });
        }
        await tx.flush();
        await this.mailer.verify(tx, person, now);
      });
    } catch (e) {
      if (!(e instanceof UniqueConstraintViolationException)) {
        throw e;
      }
      // the same address registered at the same moment: the other registration made the account
      await tellExisting();
    }
  }

  /** Whom a confirmation link is for, without using it (the page asks them to confirm with a button). */
  async confirmationLink(token: string, now = this.clock.now()): Promise<RegistrationLinkType> {
    const person = await this.tokens.peek(this.em.fork(), token, AccountTokenPurpose.VERIFY_EMAIL, now);
    return Object.assign(new RegistrationLinkType(), { name: person.name, email: person.email });
  }

  /**
   * Uses a confirmation link: the address is confirmed, and the account is active at once when the
   * address is on its agency's email domains, or waits for a coordinator otherwise.
   */
  async confirm(token: string, now = this.clock.now()): Promise<RegistrationConfirmationType> {
    const person = await this.em.fork().transactional(async (em) => {
      // consume loads the person with their agency; the link can be used once, even by two requests at the same time
      const me = await this.tokens.consume(em, token, AccountTokenPurpose.VERIFY_EMAIL, now);
      me.emailVerifiedAt ??= now;
      if (me.status === PersonStatus.UNVERIFIED) {
        me.status = statusAfterConfirmation({ email: me.email, agency: me.agency });
      }
      return me;
    });
    return Object.assign(new RegistrationConfirmationType(), { email: person.email, active: person.status === PersonStatus.ACTIVE });
  }

  /** A new confirmation link for an unconfirmed account at this address; nothing otherwise, and the same answer either way. */
  async resendConfirmation(rawEmail: string, now = this.clock.now()): Promise<void> {
    const email = text(rawEmail).toLowerCase();
    const problem = !email ? 'Enter your email address' : !isEmail(email) ? `Enter your email address ${FORMAT}` : null;
    if (problem) {
      throw new DomainError(ErrorCode.BadUserInput, problem, [{ field: 'email', message: problem }]);
    }
    await this.em.fork().transactional(async (em) => {
      const person = await em.findOne(Person, { email, status: PersonStatus.UNVERIFIED });
      if (person) {
        await this.mailer.verify(em, person, now);
      }
    });
  }
}
