import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { CertificateStatus } from '@lh/domain';
import { Certificate } from './certificate.entity';

/** The certificate queries more than one capability needs (certificates, training records), defined once. */
@Injectable()
export class CertificateRepository {
  /**
   * The live certificate of each completion (VALID as stored: the one that is valid or, past its date,
   * expired), by completion id. Completions with none (revoked, or not from a session) are absent.
   */
  async currentFor(em: EntityManager, completionIds: readonly string[]): Promise<Map<string, Certificate>> {
    if (!completionIds.length) {
      return new Map();
    }
    const live = await em.find(Certificate, { completion: completionIds as string[], status: CertificateStatus.VALID });
    return new Map(live.map((c) => [c.completion.id, c]));
  }

  /** The newest certificate of each completion, whatever its status (for revoking and restoring). */
  async latestFor(em: EntityManager, completionIds: readonly string[]): Promise<Map<string, Certificate>> {
    if (!completionIds.length) {
      return new Map();
    }
    const all = await em.find(Certificate, { completion: completionIds as string[] }, { orderBy: { issuedAt: 'asc', id: 'asc' } });
    return new Map(all.map((c) => [c.completion.id, c]));
  }

  /** A certificate by its code as stored (normalised), with what replaced it. */
  byCode(em: EntityManager, code: string): Promise<Certificate | null> {
    return em.findOne(Certificate, { code }, { populate: ['supersededBy'] });
  }

  /** A person's certificates, newest first. */
  ofPerson(em: EntityManager, personId: string): Promise<Certificate[]> {
    return em.find(Certificate, { person: personId }, { orderBy: { issuedAt: 'desc', id: 'asc' }, populate: ['supersededBy'] });
  }
}
