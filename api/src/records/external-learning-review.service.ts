import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import {
  CompletionSource,
  DomainError,
  ErrorCode,
  ExternalLearningStatus,
  MailKind,
  formatLondonDate,
  isUuid,
  minutesToHours,
} from '@lh/domain';
import { requireCoordinator } from '../common/access';
import { Clock } from '../common/clock';
import type { Viewer } from '../common/viewer';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { MailOutboxService } from '../notifications/mail-outbox.service';
import * as templates from '../notifications/mail-templates';
import { Person } from '../people/person.entity';
import { ExternalLearning } from './external-learning.entity';
import { TrainingCompletion } from './training-completion.entity';
import { externalLearningType } from './training-record.service';
import type { ExternalLearningType } from './training-record.types';

/**
 * Coordinators' side of learning done elsewhere: the queue of entries waiting, verifying one (it becomes a
 * training_completion with source EXTERNAL) or rejecting it with a reason; either way the person gets an
 * EXTERNAL_LEARNING_DECIDED mail, queued in the same transaction. Each entry is decided once.
 */
@Injectable()
export class ExternalLearningReviewService {
  constructor(
    private readonly em: EntityManager,
    private readonly outbox: MailOutboxService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async waiting(viewer: Viewer): Promise<ExternalLearningType[]> {
    requireCoordinator(viewer);
    const rows = await this.em
      .fork()
      .find(
        ExternalLearning,
        { status: ExternalLearningStatus.PENDING },
        { populate: ['evidence', 'person.agency'], orderBy: { submittedAt: 'asc' }, limit: 500 },
      );
    return rows.map(externalLearningType);
  }

  verify(viewer: Viewer, id: string, now = this.clock.now()): Promise<ExternalLearningType> {
    return this.decide(viewer, id, null, now);
  }

  reject(viewer: Viewer, id: string, reason: string, now = this.clock.now()): Promise<ExternalLearningType> {
    if (!reason.trim()) {
      throw new DomainError(ErrorCode.BadUserInput, 'Enter the reason it cannot be added', [
        { field: 'reason', message: 'Enter the reason it cannot be added' },
      ]);
    }
    return this.decide(viewer, id, reason.trim(), now);
  }

  private decide(viewer: Viewer, id: string, rejectionReason: string | null, now: Date): Promise<ExternalLearningType> {
    requireCoordinator(viewer);
    return this.em.fork().transactional(async (em) => {
      const learning = isUuid(id) ? await em.findOne(ExternalLearning, id, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
      if (!learning) {
        throw new DomainError(ErrorCode.NotFound, 'There is no such learning waiting to be checked.');
      }
      await em.populate(learning, ['evidence', 'person.agency']);
      if (learning.status !== ExternalLearningStatus.PENDING) {
        throw new DomainError(ErrorCode.AlreadyDecided, 'This learning has already been checked.');
      }
      learning.decidedAt = now;
      learning.decidedBy = em.getReference(Person, viewer.id);
      if (rejectionReason === null) {
        learning.status = ExternalLearningStatus.VERIFIED;
        learning.completion = em.create(TrainingCompletion, {
          person: learning.person,
          source: CompletionSource.EXTERNAL,
          title: learning.title,
          provider: learning.provider,
          level: learning.level ?? null,
          minutes: learning.minutes,
          startedOn: learning.completedOn,
          completedOn: learning.completedOn,
          agency: learning.person.agency ?? null,
          recordedAt: now,
        });
      } else {
        learning.status = ExternalLearningStatus.REJECTED;
        learning.rejectionReason = rejectionReason;
      }
      await em.flush();
      await this.outbox.enqueue(em, {
        kind: MailKind.EXTERNAL_LEARNING_DECIDED,
        to: { email: learning.person.email, name: learning.person.name },
        personId: learning.person.id,
        ...templates.externalLearningDecided({
          partnershipName: this.config.partnershipName,
          recipientName: learning.person.name,
          learning: {
            title: learning.title,
            provider: learning.provider,
            completedOn: formatLondonDate(new Date(`${learning.completedOn}T12:00:00Z`)),
            hours: minutesToHours(learning.minutes),
          },
          rejectionReason,
          contact: { email: this.config.partnershipContactEmail },
          links: { record: `${this.config.webOrigin}/your-record` },
        }),
      });
      await em.flush();
      await em.populate(learning, ['decidedBy']);
      return externalLearningType(learning);
    });
  }
}
