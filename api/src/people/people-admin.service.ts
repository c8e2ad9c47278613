import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import { DomainError, ErrorCode, PersonStatus, Role, formatLondonDateTime, managerEmailProblem } from '@lh/domain';
import { requireCoordinator } from '../common/access';
import { Clock } from '../common/clock';
import type { Viewer } from '../common/viewer';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { AccountTokenPurpose, AccountTokenService } from '../auth/account-token.service';
import { TOKEN_LIFETIME_MINUTES } from '../auth/account-token.service';
import { Booking } from '../booking/booking.entity';
import { BookingEvent } from '../booking/booking-event.entity';
import { MailOutboxService } from '../notifications/mail-outbox.service';
import { accountInvited } from '../notifications/mail-templates';
import { AuditAction, MailKind } from '@lh/domain';
import { AuditLog } from '../audit/audit-log';
import { Agency } from './agency.entity';
import { lockCoordinators, refuseLastCoordinator } from './coordinator-guard';
import type { CreatePersonInput, PeopleFilterInput, PersonDetailsInput, UpdatePersonInput } from './dto/people-admin.inputs';
import { Person } from './person.entity';
import { AdminPersonType, PersonSummaryType, type PeoplePageType } from './people-admin.types';

export const PEOPLE_PAGE_SIZE = 25;

const sameRoles = (a: readonly Role[], b: readonly Role[]) => a.length === b.length && a.every((r) => b.includes(r));

export const personNotFound = () => new DomainError(ErrorCode.NotFound, 'There is no person with that id.');

/**
 * Coordinators managing people: finding them, a person's page, adding (with or without an invitation
 * to set a password), changing their details and roles. Deactivating is PersonStatusService; merging
 * PersonMergeService; importing PeopleImportService.
 */
@Injectable()
export class PeopleAdminService {
  constructor(
    private readonly em: EntityManager,
    private readonly tokens: AccountTokenService,
    private readonly outbox: MailOutboxService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async search(viewer: Viewer, filter: PeopleFilterInput): Promise<PeoplePageType> {
    requireCoordinator(viewer);
    const where: FilterQuery<Person> = {};
    if (filter.text) {
      const like = `%${filter.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      where.$or = [{ name: { $ilike: like } }, { email: { $ilike: like } }];
    }
    if (filter.status) {
      where.status = filter.status;
    }
    if (filter.agencyId) {
      where.agency = filter.agencyId;
    }
    if (filter.role) {
      where.roles = { $contains: [filter.role] };
    }
    const em = this.em.fork();
    const total = await em.count(Person, where);
    const pageCount = Math.max(1, Math.ceil(total / PEOPLE_PAGE_SIZE));
    const page = Math.min(filter.page ?? 1, pageCount);
    const people = await em.find(Person, where, {
      populate: ['agency'],
      orderBy: { name: 'asc', email: 'asc' },
      limit: PEOPLE_PAGE_SIZE,
      offset: (page - 1) * PEOPLE_PAGE_SIZE,
    });
    return { people: people.map((p) => PersonSummaryType.from(p)), total, page, pageCount };
  }

  async person(viewer: Viewer, personId: string, now = this.clock.now()): Promise<AdminPersonType> {
    requireCoordinator(viewer);
    const em = this.em.fork();
    const person = await em.findOne(Person, personId, { populate: ['agency', 'passwordHash'] });
    if (!person) {
      throw personNotFound();
    }
    const bookings = await em.find(Booking, { person }, { populate: ['session.course', 'agency'] });
    const upcoming = bookings
      .filter((b) => b.session.startsAt.getTime() > now.getTime())
      .sort((a, b) => a.session.startsAt.getTime() - b.session.startsAt.getTime());
    const past = bookings
      .filter((b) => b.session.startsAt.getTime() <= now.getTime())
      .sort((a, b) => b.session.startsAt.getTime() - a.session.startsAt.getTime());
    const events = await em.find(
      BookingEvent,
      { booking: { person } },
      { populate: ['booking.session.course', 'actor'], orderBy: { at: 'desc', id: 'desc' }, limit: 100 },
    );
    return Object.assign(new AdminPersonType(), PersonSummaryType.from(person), {
      agencyId: person.agency?.id ?? null,
      team: person.team ?? null,
      lineManagerEmail: person.lineManagerEmail ?? null,
      emailVerifiedAt: person.emailVerifiedAt ?? null,
      hasPassword: !!person.passwordHash,
      createdAt: person.createdAt,
      bookings: [...upcoming, ...past].map((b) => ({
        id: b.id,
        status: b.status,
        sessionId: b.session.id,
        courseTitle: b.session.course.title,
        startsAt: b.session.startsAt,
        endsAt: b.session.endsAt,
        upcoming: b.session.startsAt.getTime() > now.getTime(),
        agencyName: b.agency?.name ?? null,
      })),
      history: events.map((e) => ({
        at: e.at,
        action: e.action,
        bookingId: e.booking.id,
        sessionId: e.booking.session.id,
        courseTitle: e.booking.session.course.title,
        sessionStartsAt: e.booking.session.startsAt,
        fromStatus: e.fromStatus ?? null,
        toStatus: e.toStatus,
        actorName: e.actor?.name ?? null,
        reason: e.reason ?? null,
      })),
    });
  }

  /** Adds a person (active, with no password until they set one); with `sendInvitation`, mails them a link to set it. */
  async createPerson(viewer: Viewer, input: CreatePersonInput, now = this.clock.now()): Promise<AdminPersonType> {
    requireCoordinator(viewer);
    const id = await this.em.fork().transactional(async (em) => {
      const details = await this.checkDetails(em, input, null);
      const person = em.create(Person, {
        ...details,
        roles: [...new Set(input.roles)],
        status: PersonStatus.ACTIVE,
        createdAt: now,
      });
      await em.flush();
      if (input.sendInvitation) {
        await this.queueInvitation(em, viewer, person, now);
      }
      return person.id;
    });
    return this.person(viewer, id, now);
  }

  /** Mails a person (again) a link to set their password; an earlier invitation link stops working. */
  async sendInvitation(viewer: Viewer, personId: string, now = this.clock.now()): Promise<AdminPersonType> {
    requireCoordinator(viewer);
    await this.em.fork().transactional(async (em) => {
      const person = await em.findOne(Person, personId);
      if (!person) {
        throw personNotFound();
      }
      // a provisional account (a walk-in's) is claimed by setting the password
      if (person.status !== PersonStatus.ACTIVE && person.status !== PersonStatus.PROVISIONAL) {
        throw new DomainError(ErrorCode.InvalidTransition, 'Only an active account can be sent an invitation. Reactivate it first.');
      }
      await this.queueInvitation(em, viewer, person, now);
    });
    return this.person(viewer, personId, now);
  }

  async updatePerson(viewer: Viewer, input: UpdatePersonInput, now = this.clock.now()): Promise<AdminPersonType> {
    requireCoordinator(viewer);
    await this.em.fork().transactional(async (em) => {
      const person = await em.findOne(Person, input.personId, { populate: ['agency'] });
      if (!person) {
        throw personNotFound();
      }
      const details = await this.checkDetails(em, input, person);
      const lineManagerEmail = input.lineManagerEmail?.toLowerCase() ?? null;
      const problem = lineManagerEmail
        ? managerEmailProblem({ managerEmail: lineManagerEmail, bookerEmail: details.email, agency: details.agency })
        : null;
      if (problem) {
        throw new DomainError(ErrorCode.BadUserInput, problem, [{ field: 'input.lineManagerEmail', message: problem }]);
      }
      if (details.email !== person.email) {
        // a new address is not confirmed until its owner uses a link sent to it
        person.emailVerifiedAt = null;
      }
      if (details.agency && details.agency.id !== person.agency?.id) {
        AuditLog.record(em, viewer, {
          action: AuditAction.AGENCY_CHANGED,
          at: now,
          subject: { type: 'person', id: person.id },
          subjectPerson: { id: person.id, name: person.name },
          before: { agency: person.agency?.name ?? null },
          after: { agency: details.agency.name },
        });
      }
      Object.assign(person, details, { lineManagerEmail });
    });
    return this.person(viewer, input.personId, now);
  }

  /** Sets a person's roles; never leaves the partnership without an active coordinator. */
  async setRoles(
    viewer: Viewer,
    personId: string,
    roles: Role[],
    reason: string | null = null,
    now = this.clock.now(),
  ): Promise<AdminPersonType> {
    requireCoordinator(viewer);
    const wanted = [...new Set(roles)];
    if (!wanted.length) {
      throw new DomainError(ErrorCode.BadUserInput, 'Choose at least one role.', [{ field: 'roles', message: 'Choose at least one role' }]);
    }
    await this.em.fork().transactional(async (em) => {
      await lockCoordinators(em);
      const person = await em.findOne(Person, personId);
      if (!person) {
        throw personNotFound();
      }
      if (wanted.includes(Role.AGENCY_LEAD) && !person.agency) {
        const message = `${person.name} has no agency: give them an agency before making them an agency lead`;
        throw new DomainError(ErrorCode.BadUserInput, `${message}.`, [{ field: 'roles', message }]);
      }
      await refuseLastCoordinator(
        em,
        person,
        { roles: wanted, status: person.status },
        person.id === viewer.id
          ? 'You are the only active coordinator: give someone else the coordinator role before you remove it from yourself.'
          : `${person.name} is the only active coordinator: give someone else the coordinator role first, so the partnership always has one.`,
      );
      if (!sameRoles(person.roles, wanted)) {
        AuditLog.record(em, viewer, {
          action: AuditAction.ROLES_CHANGED,
          at: now,
          subject: { type: 'person', id: person.id },
          subjectPerson: { id: person.id, name: person.name },
          before: { roles: [...person.roles] },
          after: { roles: wanted },
          reason,
        });
      }
      person.roles = wanted;
    });
    return this.person(viewer, personId, now);
  }

  /** Checks what every person form asks (one round: all problems at once) and gives the values to store. */
  private async checkDetails(
    em: EntityManager,
    input: PersonDetailsInput,
    current: Person | null,
  ): Promise<Pick<Person, 'name' | 'email' | 'agency' | 'jobTitle' | 'team'>> {
    const problems: { field: string; message: string }[] = [];
    const email = input.email.trim().toLowerCase();
    const holder = await em.findOne(Person, { email }, { fields: ['id', 'name'] });
    if (holder && holder.id !== current?.id) {
      problems.push({
        field: 'input.email',
        message: `${email} is already used by ${holder.name}'s account. Find that account, or merge the two if they are the same person`,
      });
    }
    const agency = await em.findOne(Agency, input.agencyId);
    if (!agency) {
      problems.push({ field: 'input.agencyId', message: 'Choose their agency from the list' });
    } else if (agency.retiredAt && agency.id !== current?.agency?.id) {
      problems.push({ field: 'input.agencyId', message: `${agency.name} has been retired: choose the agency they work for now` });
    }
    if (problems.length) {
      throw new DomainError(ErrorCode.BadUserInput, `${problems[0]!.message}.`, problems);
    }
    return { name: input.name.trim(), email, agency: agency!, jobTitle: input.jobTitle ?? undefined, team: input.team ?? null };
  }

  /** Queues the ACCOUNT_INVITED mail with a new link to set a password, in the caller's transaction. */
  async queueInvitation(em: EntityManager, viewer: Viewer, person: Person, now: Date): Promise<void> {
    const token = await this.tokens.issue(em, person, AccountTokenPurpose.INVITE, now);
    const expiresAt = new Date(now.getTime() + TOKEN_LIFETIME_MINUTES[AccountTokenPurpose.INVITE] * 60_000);
    const mail = accountInvited({
      partnershipName: this.config.partnershipName,
      recipientName: person.name,
      invitedBy: viewer.name,
      email: person.email,
      expiresAt: formatLondonDateTime(expiresAt),
      links: { setPassword: `${this.config.webOrigin}/account/set-password/${token}` },
    });
    await this.outbox.enqueue(em, {
      kind: MailKind.ACCOUNT_INVITED,
      to: { email: person.email, name: person.name },
      personId: person.id,
      ...mail,
    });
  }
}
