import { Injectable } from '@nestjs/common';
import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import {
  AuditAction,
  DomainError,
  ErrorCode,
  agencyNameProblem,
  emailDomainsProblem,
  isUuid,
  normaliseAgencyName,
  normaliseDomains,
  normaliseTenantIds,
  tenantIdsProblem,
  type AuditFields,
  type FieldProblem,
} from '@lh/domain';
import { requireCoordinator } from '../common/access';
import { Clock } from '../common/clock';
import type { Viewer } from '../common/viewer';
import { Agency } from './agency.entity';
import { AdminAgencyType } from './agency-admin.types';
import { AgencyRepository } from './agency.repository';
import { AgencyType } from './people.types';
import type { AgencySignInInput, CreateAgencyInput, UpdateAgencyInput } from './dto/agency-details.input';
import { AuditLog } from '../audit/audit-log';

export const agencyNotFound = () =>
  new DomainError(ErrorCode.NotFound, 'There is no agency with that id. It may have been merged into another.');

const refuse = (problems: FieldProblem[]) => new DomainError(ErrorCode.BadUserInput, problems.map((p) => p.message).join('; '), problems);

/**
 * Coordinators manage the partnership's agencies: add, change, the approval rule, single sign-on
 * settings, retire and bring back. Each change checks every rule at once, in the transaction that
 * writes it, and changes nothing when one is broken. Merging is `AgencyMergeService`.
 */
@Injectable()
export class AgencyAdminService {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly agencies: AgencyRepository,
  ) {}

  /** Agencies by name: those offered to people, or every one with `includeRetired`. */
  async list(viewer: Viewer, includeRetired: boolean): Promise<AgencyType[]> {
    requireCoordinator(viewer);
    const em = this.em.fork();
    const agencies = includeRetired ? await this.agencies.all(em) : await this.agencies.offered(em);
    return agencies.map((a) => AgencyType.from(a));
  }

  /** Every agency with its settings and number of people: those in use by name, then the retired ones. */
  async adminList(viewer: Viewer): Promise<AdminAgencyType[]> {
    requireCoordinator(viewer);
    const em = this.em.fork();
    const [agencies, counts] = await Promise.all([this.agencies.all(em), this.agencies.peopleCounts(em)]);
    const inUse = agencies.filter((a) => !a.retiredAt);
    const retired = agencies.filter((a) => a.retiredAt);
    return [...inUse, ...retired].map((a) => AdminAgencyType.from(a, counts.get(a.id) ?? 0));
  }

  async agency(viewer: Viewer, id: string): Promise<AdminAgencyType> {
    requireCoordinator(viewer);
    const em = this.em.fork();
    return this.toAdmin(em, await this.find(em, id));
  }

  async createAgency(viewer: Viewer, input: CreateAgencyInput): Promise<AdminAgencyType> {
    requireCoordinator(viewer);
    return this.write(input.name, async (em) => {
      const details = await this.checkDetails(em, null, input);
      const agency = em.create(Agency, { ...details, createdAt: this.clock.now() });
      await em.flush();
      return this.toAdmin(em, agency);
    });
  }

  /** Name, sector, statutory partner, email domains and whether line managers must use them. */
  async updateAgency(viewer: Viewer, input: UpdateAgencyInput): Promise<AdminAgencyType> {
    requireCoordinator(viewer);
    return this.write(input.name, async (em) => {
      const agency = await this.find(em, input.agencyId);
      const details = await this.checkDetails(em, agency.id, input);
      settingChanged(em, viewer, agency, 'Details', detailsOf(agency), detailsOf(details), this.clock.now());
      Object.assign(agency, details);
      await em.flush();
      return this.toAdmin(em, agency);
    });
  }

  /** Whether an agency's staff book without line manager approval (the page asks to confirm first). */
  async setApprovalExempt(viewer: Viewer, agencyId: string, exempt: boolean): Promise<AdminAgencyType> {
    requireCoordinator(viewer);
    return this.em.fork().transactional(async (em) => {
      const agency = await this.find(em, agencyId);
      settingChanged(
        em,
        viewer,
        agency,
        'Line manager approval',
        { bookWithoutApproval: agency.approvalExempt },
        { bookWithoutApproval: exempt },
        this.clock.now(),
      );
      agency.approvalExempt = exempt;
      await em.flush();
      return this.toAdmin(em, agency);
    });
  }

  /** Whether line managers get a copy of the mail telling one of the agency's people they did not attend. */
  async setManagerCopy(viewer: Viewer, agencyId: string, copy: boolean): Promise<AdminAgencyType> {
    requireCoordinator(viewer);
    return this.em.fork().transactional(async (em) => {
      const agency = await this.find(em, agencyId);
      settingChanged(
        em,
        viewer,
        agency,
        'Non-attendance mail',
        { copyToLineManager: agency.copyManagersOnNonAttendance },
        { copyToLineManager: copy },
        this.clock.now(),
      );
      agency.copyManagersOnNonAttendance = copy;
      await em.flush();
      return this.toAdmin(em, agency);
    });
  }

  /** The Microsoft Entra tenants an agency accepts, and whether its people may still sign in with a password. */
  async setSignIn(viewer: Viewer, input: AgencySignInInput, now: Date = this.clock.now()): Promise<AdminAgencyType> {
    requireCoordinator(viewer);
    return this.em.fork().transactional(async (em) => {
      // one change of tenant ids at a time, so two agencies cannot take the same tenant together
      await em.execute(`select pg_advisory_xact_lock(hashtext('lh:agency-tenants'))`);
      const agency = await this.find(em, input.agencyId);
      const problems: FieldProblem[] = [];
      const tenantIds = normaliseTenantIds(input.ssoTenantIds);
      const bad = tenantIdsProblem(tenantIds);
      if (bad) {
        problems.push({ field: 'input.ssoTenantIds', message: bad });
      } else if (tenantIds.length) {
        const others = await em.find(
          Agency,
          { ssoTenantIds: { $overlap: tenantIds }, id: { $ne: agency.id } },
          { orderBy: { name: 'asc' } },
        );
        for (const other of others) {
          const shared = other.ssoTenantIds.filter((t) => tenantIds.includes(t));
          problems.push({
            field: 'input.ssoTenantIds',
            message: `Tenant id ${shared.join(', ')} is already accepted by ${other.name}: a tenant belongs to one agency, so single sign-on knows whose people they are`,
          });
        }
      }
      if (!input.passwordSignIn && !tenantIds.length) {
        problems.push({
          field: 'input.passwordSignIn',
          message: `Add a tenant id, or let people sign in with a password: otherwise nobody at ${agency.name} could sign in`,
        });
      }
      if (problems.length) {
        throw refuse(problems);
      }
      settingChanged(
        em,
        viewer,
        agency,
        'Sign-in',
        { singleSignOnTenants: [...agency.ssoTenantIds], passwordSignIn: agency.passwordSignIn },
        { singleSignOnTenants: tenantIds, passwordSignIn: input.passwordSignIn },
        now,
      );
      agency.ssoTenantIds = tenantIds;
      agency.passwordSignIn = input.passwordSignIn;
      await em.flush();
      return this.toAdmin(em, agency);
    });
  }

  /** Stops offering an agency (registration, adding a person, course audiences); its people and bookings stay. */
  async retire(viewer: Viewer, agencyId: string, now: Date = this.clock.now()): Promise<AdminAgencyType> {
    requireCoordinator(viewer);
    return this.em.fork().transactional(async (em) => {
      const agency = await this.find(em, agencyId);
      if (agency.retiredAt) {
        throw new DomainError(ErrorCode.InvalidTransition, `${agency.name} is already retired.`);
      }
      settingChanged(em, viewer, agency, 'Offered', { retired: false }, { retired: true }, now);
      agency.retiredAt = now;
      await em.flush();
      return this.toAdmin(em, agency);
    });
  }

  /** Offers a retired agency again. */
  async bringBack(viewer: Viewer, agencyId: string): Promise<AdminAgencyType> {
    requireCoordinator(viewer);
    return this.em.fork().transactional(async (em) => {
      const agency = await this.find(em, agencyId);
      if (!agency.retiredAt) {
        throw new DomainError(ErrorCode.InvalidTransition, `${agency.name} is not retired.`);
      }
      settingChanged(em, viewer, agency, 'Offered', { retired: true }, { retired: false }, this.clock.now());
      agency.retiredAt = null;
      await em.flush();
      return this.toAdmin(em, agency);
    });
  }

  // ---- internals ---------------------------------------------------------------------------

  private async find(em: EntityManager, id: string): Promise<Agency> {
    const agency = isUuid(id) ? await em.findOne(Agency, id) : null;
    if (!agency) {
      throw agencyNotFound();
    }
    return agency;
  }

  private async toAdmin(em: EntityManager, agency: Agency): Promise<AdminAgencyType> {
    const counts = await this.agencies.peopleCounts(em, [agency.id]);
    return AdminAgencyType.from(agency, counts.get(agency.id) ?? 0);
  }

  /** Runs a change of details in one transaction; a name taken at the same moment is the same refusal. */
  private async write<T>(name: string, change: (em: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.em.fork().transactional(change);
    } catch (e) {
      if (e instanceof UniqueConstraintViolationException) {
        throw refuse([{ field: 'input.name', message: `An agency called "${normaliseAgencyName(name)}" already exists` }]);
      }
      throw e;
    }
  }

  /** Checks name and email domains together; throws one BAD_USER_INPUT naming every problem. */
  private async checkDetails(
    em: EntityManager,
    agencyId: string | null,
    input: CreateAgencyInput,
  ): Promise<Pick<Agency, 'name' | 'sector' | 'statutoryPartner' | 'emailDomains' | 'managerEmailOnDomains'>> {
    const problems: FieldProblem[] = [];
    const name = normaliseAgencyName(input.name);
    const nameProblem = agencyNameProblem(name);
    if (nameProblem) {
      problems.push({ field: 'input.name', message: nameProblem });
    } else {
      const same = await this.agencies.sameName(em, name, agencyId);
      if (same) {
        problems.push({
          field: 'input.name',
          message: same.retiredAt
            ? `A retired agency is called "${same.name}": bring it back instead, or choose another name`
            : `An agency called "${same.name}" already exists`,
        });
      }
    }
    const { sector, statutoryPartner } = input;
    if (!sector) {
      problems.push({ field: 'input.sector', message: "Choose the agency's sector" });
    }
    if (statutoryPartner === null || statutoryPartner === undefined) {
      problems.push({ field: 'input.statutoryPartner', message: 'Choose whether the agency is a statutory partner' });
    }
    const domainsProblem = emailDomainsProblem(input.emailDomains);
    const emailDomains = normaliseDomains(input.emailDomains);
    if (domainsProblem) {
      problems.push({ field: 'input.emailDomains', message: domainsProblem });
    } else if (input.managerEmailOnDomains && !emailDomains.length) {
      problems.push({
        field: 'input.emailDomains',
        message: 'Enter at least one email domain, or untick "Line managers must use an address on these domains"',
      });
    }
    if (problems.length || !sector || statutoryPartner === null || statutoryPartner === undefined) {
      throw refuse(problems);
    }
    return { name, sector, statutoryPartner, emailDomains, managerEmailOnDomains: input.managerEmailOnDomains };
  }
}

/** The agency's details as the audit log keeps them. */
function detailsOf(a: Pick<Agency, 'name' | 'sector' | 'statutoryPartner' | 'emailDomains' | 'managerEmailOnDomains'>): AuditFields {
  return {
    name: a.name,
    sector: a.sector,
    statutoryPartner: a.statutoryPartner ?? null,
    emailDomains: [...a.emailDomains],
    managerEmailOnDomains: a.managerEmailOnDomains,
  };
}

/** Writes a change of an agency's settings to the audit log (SETTINGS_CHANGED), when anything changed. */
function settingChanged(
  em: EntityManager,
  viewer: Viewer,
  agency: Agency,
  setting: string,
  before: AuditFields,
  after: AuditFields,
  at: Date,
): void {
  if (JSON.stringify(before) === JSON.stringify(after)) {
    return;
  }
  AuditLog.record(em, viewer, {
    action: AuditAction.SETTINGS_CHANGED,
    at,
    subject: { type: 'agency', id: agency.id },
    before,
    after: { ...after, setting: `${setting} at ${agency.name}` },
  });
}
