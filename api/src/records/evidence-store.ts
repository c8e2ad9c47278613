import type { EntityManager } from '@mikro-orm/postgresql';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { AppConfig } from '../config/config';
import { EvidenceFile } from './evidence-file.entity';

/**
 * Where evidence files' bytes are kept: one small interface, two places. `keep` is called inside the
 * transaction that saves the file's row; if that transaction fails, `discard` removes what `keep` wrote,
 * so a refused or failed upload leaves nothing behind.
 */
export interface EvidenceStore {
  readonly kind: EvidenceFile['storedIn'];
  keep(em: EntityManager, file: EvidenceFile, bytes: Buffer): Promise<void>;
  read(em: EntityManager, file: EvidenceFile): Promise<Buffer>;
  discard(file: EvidenceFile): Promise<void>;
}

export const EVIDENCE_STORE = Symbol('EVIDENCE_STORE');

/** In PostgreSQL, in the file's own row (bytea): commits and rolls back with it. */
export class DatabaseEvidenceStore implements EvidenceStore {
  readonly kind = 'DATABASE' as const;

  async keep(_em: EntityManager, file: EvidenceFile, bytes: Buffer): Promise<void> {
    file.storedIn = this.kind;
    file.content = bytes;
  }

  async read(em: EntityManager, file: EvidenceFile): Promise<Buffer> {
    const row = await em.findOneOrFail(EvidenceFile, file.id, { populate: ['content'], refresh: true });
    return Buffer.from(row.content ?? Buffer.alloc(0));
  }

  async discard(): Promise<void> {
    // the row's rollback took the bytes with it
  }
}

/** In a folder, one file per evidence file named by its id (never by the uploader's file name). */
export class FolderEvidenceStore implements EvidenceStore {
  readonly kind = 'FOLDER' as const;

  constructor(private readonly dir: string) {}

  private pathOf(file: EvidenceFile): string {
    return path.join(this.dir, file.id);
  }

  async keep(_em: EntityManager, file: EvidenceFile, bytes: Buffer): Promise<void> {
    file.storedIn = this.kind;
    file.content = null;
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    await writeFile(this.pathOf(file), bytes, { flag: 'wx', mode: 0o600 });
  }

  async read(_em: EntityManager, file: EvidenceFile): Promise<Buffer> {
    return readFile(this.pathOf(file));
  }

  async discard(file: EvidenceFile): Promise<void> {
    await rm(this.pathOf(file), { force: true });
  }
}

/** The store new files go to (FILE_STORAGE_DIR, else PostgreSQL); a file is read from where it was kept. */
export function evidenceStores(config: Pick<AppConfig, 'fileStorageDir'>): {
  current: EvidenceStore;
  of(file: EvidenceFile): EvidenceStore;
} {
  const database = new DatabaseEvidenceStore();
  const folder = config.fileStorageDir ? new FolderEvidenceStore(config.fileStorageDir) : null;
  return {
    current: folder ?? database,
    of(file) {
      if (file.storedIn === 'FOLDER') {
        if (!folder) {
          throw new Error('An evidence file is kept in a folder, but FILE_STORAGE_DIR is not set');
        }
        return folder;
      }
      return database;
    },
  };
}
