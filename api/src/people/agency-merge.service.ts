import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { DomainError, ErrorCode, normaliseDomains, type FieldProblem } from '@lh/domain';
import { requireCoordinator } from '../common/access';
import type { Viewer } from '../common/viewer';
import { Booking } from '../booking/booking.entity';
import { Agency } from './agency.entity';
import { AdminAgencyType, AgencyMergeType } from './agency-admin.types';
import { AgencyRepository } from './agency.repository';
import { agencyNotFound } from './agency-admin.service';
import { Person } from './person.entity';
import { AgencyRequest } from './agency-request.entity';

/**
 * Merging two agencies that are really one (typed twice, renamed, reorganised): the people, the
 * agency recorded on bookings, course audiences, email domains and tenant ids of one move to the one
 * kept, which keeps its own name and settings; the other is removed. The preview and the merge count
 * with the same query, and the merge is one transaction holding both agencies' rows.
 */
@Injectable()
export class AgencyMergeService {
  constructor(
    private readonly em: EntityManager,
    private readonly agencies: AgencyRepository,
  ) {}

  /** What merging `fromId` into `intoId` would move; refuses as the merge would. */
  async preview(viewer: Viewer, fromId: string, intoId: string): Promise<AgencyMergeType> {
    requireCoordinator(viewer);
    const em = this.em.fork();
    const { from, into } = await this.check(em, fromId, intoId, false);
    return this.describe(em, from, into);
  }

  /** Merges `fromId` into `intoId`; answers with what moved. */
  async merge(viewer: Viewer, fromId: string, intoId: string): Promise<AgencyMergeType> {
    requireCoordinator(viewer);
    return this.em.fork().transactional(async (em) => {
      const { from, into } = await this.check(em, fromId, intoId, true);
      const moved = await this.describe(em, from, into);
      await em.nativeUpdate(Person, { agency: from.id }, { agency: into.id });
      await em.nativeUpdate(Booking, { agency: from.id }, { agency: into.id });
      // what registers and non-attendance recorded under the agency (outcomes, charges to invoice) follow it
      for (const table of ['attendance_outcome', 'non_attendance_charge']) {
        await em.execute(`update ${table} set agency_id = ? where agency_id = ?`, [into.id, from.id]);
      }
      for (const field of ['requestedAgency', 'fromAgency', 'resultAgency'] as const) {
        await em.nativeUpdate(AgencyRequest, { [field]: from.id }, { [field]: into.id });
      }
      // the kept agency takes the merged one's place in each audience, once, where it stood
      await em.execute(
        `update course set audience_agency_ids = array(
           select a from unnest(array_replace(audience_agency_ids, ?::uuid, ?::uuid)) with ordinality as u(a, n) group by a order by min(n)
         ) where ?::uuid = any(audience_agency_ids)`,
        [from.id, into.id, from.id],
      );
      into.emailDomains = normaliseDomains([...into.emailDomains, ...from.emailDomains]);
      into.ssoTenantIds = [...new Set([...into.ssoTenantIds, ...from.ssoTenantIds])];
      em.remove(from);
      await em.flush();
      const counts = await this.agencies.peopleCounts(em, [into.id]);
      return { ...moved, into: AdminAgencyType.from(into, counts.get(into.id) ?? 0) };
    });
  }

  private async check(em: EntityManager, fromId: string, intoId: string, lock: boolean): Promise<{ from: Agency; into: Agency }> {
    if (fromId === intoId) {
      const message = 'Choose two different agencies: an agency cannot be merged into itself';
      throw new DomainError(ErrorCode.BadUserInput, message, [{ field: 'intoAgencyId', message }]);
    }
    const found = lock ? await this.agencies.lock(em, [fromId, intoId]) : await em.find(Agency, { id: { $in: [fromId, intoId] } });
    const from = found.find((a) => a.id === fromId);
    const into = found.find((a) => a.id === intoId);
    const problems: FieldProblem[] = [];
    if (!from) {
      problems.push({ field: 'fromAgencyId', message: 'Choose the agency to merge from the list: that one no longer exists' });
    }
    if (!into) {
      problems.push({ field: 'intoAgencyId', message: 'Choose the agency to keep from the list: that one no longer exists' });
    } else if (into.retiredAt) {
      problems.push({ field: 'intoAgencyId', message: `${into.name} is retired: bring it back first, or keep the other agency` });
    }
    if (!from && !into) {
      throw agencyNotFound();
    }
    if (problems.length || !from || !into) {
      throw new DomainError(ErrorCode.BadUserInput, problems.map((p) => p.message).join('; '), problems);
    }
    return { from, into };
  }

  private async describe(em: EntityManager, from: Agency, into: Agency): Promise<AgencyMergeType> {
    const counts = await this.agencies.peopleCounts(em, [from.id, into.id]);
    const bookings = await em.count(Booking, { agency: from.id });
    const courses = await em.execute<{ n: string }[]>('select count(*) as n from course where ?::uuid = any(audience_agency_ids)', [
      from.id,
    ]);
    const intoDomains = normaliseDomains(into.emailDomains);
    return {
      from: AdminAgencyType.from(from, counts.get(from.id) ?? 0),
      into: AdminAgencyType.from(into, counts.get(into.id) ?? 0),
      people: counts.get(from.id) ?? 0,
      bookings,
      courses: Number(courses[0]?.n ?? 0),
      emailDomains: normaliseDomains(from.emailDomains).filter((d) => !intoDomains.includes(d)),
      ssoTenantIds: from.ssoTenantIds.filter((t) => !into.ssoTenantIds.includes(t)),
    };
  }
}
