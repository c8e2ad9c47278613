import { Injectable } from '@nestjs/common';
import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import { Agency } from './agency.entity';

/** The agency queries more than one service needs, defined once. */
@Injectable()
export class AgencyRepository {
  /** The agencies offered to people (registration, adding a person, a course's audience): not retired, by name. */
  offered(em: EntityManager): Promise<Agency[]> {
    return em.find(Agency, { retiredAt: null }, { orderBy: { name: 'asc' } });
  }

  /** Every agency, retired ones too, by name. */
  all(em: EntityManager): Promise<Agency[]> {
    return em.find(Agency, {}, { orderBy: { name: 'asc' } });
  }

  /** The agency with this name whatever its case, if any (other than `exceptId`). */
  async sameName(em: EntityManager, name: string, exceptId: string | null): Promise<Agency | null> {
    const rows = await em.execute<{ id: string }[]>('select id from agency where lower(name) = lower(?) and id <> ?', [
      name,
      exceptId ?? '00000000-0000-0000-0000-000000000000',
    ]);
    return rows[0] ? em.findOne(Agency, rows[0].id) : null;
  }

  /** How many people belong to each agency (agencies with none are missing). */
  async peopleCounts(em: EntityManager, agencyIds?: string[]): Promise<Map<string, number>> {
    if (agencyIds && !agencyIds.length) {
      return new Map();
    }
    const only = agencyIds ? `and agency_id in (${agencyIds.map(() => '?').join(', ')})` : '';
    const rows = await em.execute<{ agency_id: string; n: string }[]>(
      `select agency_id, count(*) as n from person where agency_id is not null ${only} group by agency_id`,
      agencyIds ?? [],
    );
    return new Map(rows.map((r) => [r.agency_id, Number(r.n)]));
  }

  /** Locks these agencies' rows for the rest of the transaction (in id order, so two merges cannot deadlock). */
  lock(em: EntityManager, ids: string[]): Promise<Agency[]> {
    return em.find(Agency, { id: { $in: ids } }, { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { id: 'asc' } });
  }
}
