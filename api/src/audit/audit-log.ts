import type { EntityManager } from '@mikro-orm/postgresql';
import type { AuditAction, AuditFields } from '@lh/domain';
import type { Viewer } from '../common/viewer';
import { AuditEntry } from './audit-entry.entity';

/** What one audited change says about itself (the actor and request id come from the viewer). */
export interface AuditRecord {
  action: AuditAction;
  /** The instant of the change: the operation's one `now` from Clock. */
  at: Date;
  subject: { type: string; id: string };
  /** Whose personal data it is about, with their name at the time. */
  subjectPerson?: { id: string; name: string } | null;
  before?: AuditFields | null;
  after?: AuditFields | null;
  reason?: string | null;
}

/**
 * The one way to write the audit log: call it with the transaction's EntityManager, in the same
 * transaction as the change (like the mail outbox), so an entry exists exactly when its change
 * committed. The viewer is the actor (null for the system); its requestId is the request's.
 */
export class AuditLog {
  static record(em: EntityManager, viewer: Viewer | null | undefined, r: AuditRecord): AuditEntry {
    return em.create(AuditEntry, {
      at: r.at,
      actorId: viewer?.id ?? null,
      actorName: viewer?.name ?? 'The system',
      action: r.action,
      subjectType: r.subject.type,
      subjectId: r.subject.id,
      subjectPersonId: r.subjectPerson?.id ?? null,
      subjectPersonName: r.subjectPerson?.name ?? null,
      before: r.before ?? null,
      after: r.after ?? null,
      reason: r.reason ?? null,
      requestId: viewer?.requestId ?? null,
    });
  }
}
