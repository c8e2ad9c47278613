import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { DomainError, ErrorCode, Role, londonToday } from '@lh/domain';
import { isAgencyLeadOf, requireCoordinator } from '../common/access';
import { Clock } from '../common/clock';
import { hasRole, type Viewer } from '../common/viewer';
import { Agency } from '../people/agency.entity';
import { figureOf, figuresBy, MandatoryStandings, type StandingRow } from './mandatory-standings';
import { AgencyComplianceType, ComplianceType, type CompliancePersonType } from './mandatory-training.types';
import type { CompliancePeopleFilterInput } from './dto/mandatory-requirement.input';

const toPerson = (r: StandingRow): CompliancePersonType => ({
  personId: r.personId,
  name: r.name,
  agencyName: r.agencyName,
  requirementId: r.requirementId,
  requirementName: r.requirementName,
  status: r.standing.status,
  lastCompletedOn: r.standing.lastCompletedOn,
  validUntil: r.standing.validUntil,
  dueBy: r.standing.dueBy,
});

const NO_AGENCY = 'No agency';

/**
 * Compliance with mandatory training: figures by requirement and by agency for coordinators and reviewers
 * (reviewers see figures only, never a name), the people behind a figure for coordinators, and an agency
 * lead's own agency beside the partnership's totals.
 */
@Injectable()
export class ComplianceService {
  constructor(
    private readonly em: EntityManager,
    private readonly standings: MandatoryStandings,
    private readonly clock: Clock,
  ) {}

  async compliance(viewer: Viewer, now = this.clock.now()): Promise<ComplianceType> {
    if (!hasRole(viewer, Role.COORDINATOR, Role.REVIEWER)) {
      throw new DomainError(ErrorCode.NotAllowed, 'Only coordinators and reviewers can see compliance across the partnership.');
    }
    const today = londonToday(now);
    const rows = await this.standings.counts(this.em.fork(), today);
    return Object.assign(new ComplianceType(), {
      today,
      total: figureOf(null, 'All requirements', rows),
      byRequirement: figuresBy(rows, (r) => ({ id: r.requirementId, label: r.requirementName })),
      byAgency: figuresBy(rows, (r) => ({ id: r.agencyId, label: r.agencyName ?? NO_AGENCY })),
    });
  }

  /** The people behind a figure: coordinators only. */
  async people(viewer: Viewer, filter: CompliancePeopleFilterInput, now = this.clock.now()): Promise<CompliancePersonType[]> {
    requireCoordinator(viewer);
    const rows = await this.standings.rows(this.em.fork(), londonToday(now), {
      ...(filter.requirementId ? { requirementIds: [filter.requirementId] } : {}),
      ...(filter.agencyId ? { agencyId: filter.agencyId } : {}),
    });
    return rows.filter((r) => !filter.status || r.standing.status === filter.status).map(toPerson);
  }

  /** An agency lead's own agency: its staff, each with their status, and its figures beside the partnership's. */
  async yourAgency(viewer: Viewer, now = this.clock.now()): Promise<AgencyComplianceType> {
    if (!isAgencyLeadOf(viewer, viewer.agencyId)) {
      throw new DomainError(ErrorCode.NotAllowed, 'Only an agency lead can see their agency’s compliance.');
    }
    const em = this.em.fork();
    const agency = await em.findOneOrFail(Agency, viewer.agencyId!);
    const today = londonToday(now);
    const [people, all] = await Promise.all([
      this.standings.rows(em, today, { agencyId: agency.id }),
      this.standings.counts(em.fork(), today),
    ]);
    const mine = all.filter((r) => r.agencyId === agency.id);
    return Object.assign(new AgencyComplianceType(), {
      agencyId: agency.id,
      agencyName: agency.name,
      today,
      people: people.map(toPerson),
      agency: figureOf(agency.id, agency.name, mine),
      byRequirement: figuresBy(mine, (r) => ({ id: r.requirementId, label: r.requirementName })),
      partnership: figureOf(null, 'The whole partnership', all),
    });
  }
}
