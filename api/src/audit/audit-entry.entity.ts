import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { AuditAction, type AuditFields } from '@lh/domain';
import { randomUUID } from 'node:crypto';

/**
 * One sensitive action, as it happened: who, when, what changed (before and after), why, and the
 * request it came in. Append-only: a trigger in the database refuses UPDATE, DELETE and TRUNCATE, so
 * the application cannot change or remove an entry. The people are kept by id without foreign keys
 * (and their names copied), so merging or erasing a person never has to touch the log.
 */
@Entity({ tableName: 'audit_entry' })
@Index({ properties: ['at'] })
export class AuditEntry {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'datetime' })
  at!: Date;

  /** Who did it; null for the system or someone not signed in (a single sign-on before it succeeds). */
  @Property({ type: 'uuid', nullable: true })
  @Index()
  actorId?: string | null;

  /** The actor's name when they did it. */
  @Property({ type: 'string', length: 200 })
  actorName!: string;

  @Enum({ items: () => AuditAction, nativeEnumName: 'audit_action' })
  action!: AuditAction;

  /** What the action was on: a person, an attendance mark, a charge, an agency. */
  @Property({ type: 'string', length: 50 })
  subjectType!: string;

  /** The subject's id (a uuid, or a key such as an agency type for a setting). */
  @Property({ type: 'string', length: 100 })
  subjectId!: string;

  /** Whose personal data it is about, when it is about someone. */
  @Property({ type: 'uuid', nullable: true })
  @Index()
  subjectPersonId?: string | null;

  /** The subject person's name when it happened. */
  @Property({ type: 'string', length: 200, nullable: true })
  subjectPersonName?: string | null;

  @Property({ type: 'json', nullable: true })
  before?: AuditFields | null;

  @Property({ type: 'json', nullable: true })
  after?: AuditFields | null;

  @Property({ type: 'text', nullable: true })
  reason?: string | null;

  /** The X-Request-Id of the request that did it (the API's own when the caller sent none). */
  @Property({ type: 'string', length: 100, nullable: true })
  requestId?: string | null;
}
