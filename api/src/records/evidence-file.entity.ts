import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/**
 * An evidence file someone uploaded with learning done elsewhere. Its bytes are kept in `content`
 * (PostgreSQL) or in the configured folder under `id` (FILE_STORAGE_DIR): `storedIn` says which, so
 * changing the setting never loses the files kept before. Served only through RecordAccess.
 */
@Entity({ tableName: 'evidence_file' })
export class EvidenceFile {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** The name it had on the uploader's device (shown, never used as a path). */
  @Property({ type: 'string', length: 255 })
  fileName!: string;

  /** What its content is (application/pdf, image/png, image/jpeg), told from its first bytes. */
  @Property({ type: 'string', length: 100 })
  contentType!: string;

  @Property({ type: 'integer' })
  sizeBytes!: number;

  /** DATABASE or FOLDER. */
  @Property({ type: 'string', length: 20 })
  storedIn!: 'DATABASE' | 'FOLDER';

  /** The bytes, when kept in PostgreSQL (loaded only when asked for). */
  @Property({ type: 'blob', nullable: true, lazy: true })
  content?: Buffer | null;

  @Property({ type: 'datetime' })
  createdAt!: Date;
}
