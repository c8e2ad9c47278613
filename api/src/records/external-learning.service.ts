import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import {
  DomainError,
  ErrorCode,
  ExternalLearningStatus,
  checkExternalLearning,
  hoursToMinutes,
  isUuid,
  londonParts,
  sniffEvidenceType,
} from '@lh/domain';
import { Clock } from '../common/clock';
import type { Viewer } from '../common/viewer';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { Person } from '../people/person.entity';
import { EvidenceFile } from './evidence-file.entity';
import { EVIDENCE_STORE, evidenceStores } from './evidence-store';
import { ExternalLearning } from './external-learning.entity';
import { RecordAccess } from './record-access';
import { externalLearningType } from './training-record.service';
import type { DownloadFileType } from '../exports/download-file.types';
import type { ExternalLearningType } from './training-record.types';
import type { SubmitExternalLearningInput } from './dto/external-learning.inputs';

export type EvidenceStores = ReturnType<typeof evidenceStores>;

/** Only the name's last part, without characters a download header or a file system would choke on. */
const safeFileName = (name: string) =>
  [...(name.split(/[\\/]/).pop() ?? '')]
    .filter((ch) => ch.charCodeAt(0) >= 0x20 && !'"<>|:*?'.includes(ch))
    .join('')
    .trim()
    .slice(0, 255) || 'evidence';

/**
 * Practitioners' learning done elsewhere: adding it to their own record with an evidence file (checked in
 * full before anything is written; a refused or failed upload leaves neither a row nor a file), and the
 * evidence file itself, for those who may see the record (RecordAccess) and nobody else.
 */
@Injectable()
export class ExternalLearningService {
  constructor(
    private readonly em: EntityManager,
    private readonly access: RecordAccess,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(EVIDENCE_STORE) private readonly stores: EvidenceStores,
  ) {}

  async submit(viewer: Viewer, input: SubmitExternalLearningInput, now = this.clock.now()): Promise<ExternalLearningType> {
    const bytes = /^[A-Za-z0-9+/=\s]*$/.test(input.evidenceBase64) ? Buffer.from(input.evidenceBase64, 'base64') : Buffer.alloc(0);
    const draft = {
      title: input.title,
      provider: input.provider,
      completedOn: input.completedOn.trim(),
      hours: input.hours,
      level: input.level ?? null,
      evidence: bytes.length ? bytes : null,
    };
    const problems = checkExternalLearning(draft, { today: londonParts(now).date, maxBytes: this.config.evidenceMaxBytes });
    if (problems.length) {
      throw new DomainError(
        ErrorCode.BadUserInput,
        problems.length === 1 ? problems[0]!.message : 'Check what you entered: some of it cannot be saved',
        problems.map((p) => ({ field: `input.${p.field}`, message: p.message })),
      );
    }
    const store = this.stores.current;
    const file = new EvidenceFile();
    Object.assign(file, {
      fileName: safeFileName(input.evidenceFileName),
      contentType: sniffEvidenceType(bytes)!,
      sizeBytes: bytes.length,
      storedIn: store.kind,
      createdAt: now,
    });
    try {
      return await this.em.fork().transactional(async (em) => {
        const person = await em.findOneOrFail(Person, viewer.id, { populate: ['agency'] });
        await store.keep(em, file, bytes);
        em.persist(file);
        const learning = em.create(ExternalLearning, {
          person,
          title: draft.title.trim(),
          provider: draft.provider.trim(),
          completedOn: draft.completedOn,
          minutes: hoursToMinutes(draft.hours),
          level: draft.level,
          evidence: file,
          status: ExternalLearningStatus.PENDING,
          submittedAt: now,
        });
        await em.flush();
        return externalLearningType(learning);
      });
    } catch (e) {
      await store.discard(file);
      throw e;
    }
  }

  /** The evidence file of learning done elsewhere, for those who may see the person's record. */
  async evidence(viewer: Viewer | undefined, externalLearningId: string): Promise<DownloadFileType> {
    const em = this.em.fork();
    const learning = isUuid(externalLearningId)
      ? await em.findOne(ExternalLearning, externalLearningId, { populate: ['evidence', 'person'] })
      : null;
    if (!learning) {
      throw new DomainError(ErrorCode.NotFound, 'There is no training record for that person, or you cannot see it.');
    }
    await this.access.person(em, viewer, learning.person.id);
    const bytes = await this.stores.of(learning.evidence).read(em, learning.evidence);
    return { fileName: learning.evidence.fileName, contentType: learning.evidence.contentType, base64: bytes.toString('base64') };
  }
}
