import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { TrainingCompletion } from './training-completion.entity';

/** The completion queries more than one capability needs (records, certificates, mandatory training), defined once. */
@Injectable()
export class TrainingCompletionRepository {
  /** Completions not revoked, of these people, newest first, with the course. */
  async liveFor(em: EntityManager, personIds: readonly string[]): Promise<TrainingCompletion[]> {
    if (!personIds.length) {
      return [];
    }
    return em.find(
      TrainingCompletion,
      { person: personIds as string[], revokedAt: null },
      { populate: ['course', 'priorityArea', 'agency'], orderBy: { completedOn: 'desc', recordedAt: 'desc' } },
    );
  }
}
