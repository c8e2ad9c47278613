import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../common/viewer';
import { SessionTrainerRepository } from './session-trainer.repository';

/**
 * Trainers' names on the session pages people book from (the course page, the booking page, a booking):
 * names only, never their addresses, and only for people signed in (the catalogue is public; staff names
 * are for the partnership's workforce).
 */
@Injectable()
export class SessionTrainersService {
  constructor(
    private readonly em: EntityManager,
    private readonly trainers: SessionTrainerRepository,
  ) {}

  /** For each session, its trainers' names by name; none for a visitor who is not signed in. */
  async namesBySession(viewer: Viewer | undefined, sessionIds: readonly string[]): Promise<Map<string, string[]>> {
    if (!viewer) {
      return new Map();
    }
    return this.trainers.namesBySession(this.em.fork(), sessionIds);
  }
}
