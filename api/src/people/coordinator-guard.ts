import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError, ErrorCode, PersonStatus, Role } from '@lh/domain';
import type { Person } from './person.entity';

/**
 * The partnership always keeps at least one active coordinator. Every change that can take the
 * coordinator role or an active status away (roles, deactivation) first takes this one advisory lock,
 * so two coordinators removing each other at the same moment queue up and the second is refused.
 * Call it first in the transaction, before reading the people involved.
 */
export async function lockCoordinators(em: EntityManager): Promise<void> {
  await em.execute(`select pg_advisory_xact_lock(hashtext('lh:coordinators'))`);
}

/** Refuses a change after which `person` would no longer be an active coordinator and nobody else is one. */
export async function refuseLastCoordinator(
  em: EntityManager,
  person: Person,
  after: { roles: readonly Role[]; status: PersonStatus },
  message: string,
): Promise<void> {
  const isNow = person.status === PersonStatus.ACTIVE && person.roles.includes(Role.COORDINATOR);
  const staysOne = after.status === PersonStatus.ACTIVE && after.roles.includes(Role.COORDINATOR);
  if (!isNow || staysOne) {
    return;
  }
  const [row] = await em.execute<{ n: number }[]>(
    `select count(*)::int as n from person where id <> ? and status = 'ACTIVE' and 'COORDINATOR' = any(roles)`,
    [person.id],
  );
  if (!row || row.n === 0) {
    throw new DomainError(ErrorCode.LastCoordinator, message);
  }
}
