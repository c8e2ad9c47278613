import { Injectable, type OnModuleInit } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { BookingStatus, SessionStatus, offerExpiry } from '@lh/domain';
import { Clock } from '../common/clock';
import { JobsService } from '../jobs/jobs.service';
import type { Session } from '../scheduling/session.entity';
import { BookingChanges } from './booking-changes';
import { BookingRepository } from './booking.repository';

export const EXPIRE_HOLDS_QUEUE = 'booking-expire-holds';

/**
 * The waiting-list engine: when a place frees, it is offered to the first person waiting (if the
 * session offers automatically), held for them until the offer expires, then passed on. Offers and
 * approval holds that run out are ended by the `booking-expire-holds` job every minute.
 */
@Injectable()
export class WaitingListService implements OnModuleInit {
  constructor(
    private readonly em: EntityManager,
    private readonly repo: BookingRepository,
    private readonly changes: BookingChanges,
    private readonly jobs: JobsService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.jobs.work(EXPIRE_HOLDS_QUEUE, () => this.expireHolds().then(() => undefined), { policy: 'short', runOnStart: true });
    this.jobs.schedule(EXPIRE_HOLDS_QUEUE, '* * * * *');
  }

  /**
   * Offers freed places to the first people waiting, while places are free and offers are allowed.
   * Call inside the transaction that freed the place, with the session locked.
   */
  async fillFreedPlaces(em: EntityManager, session: Session, now: Date): Promise<void> {
    if (!session.autoOfferWaitlist || session.status === SessionStatus.CANCELLED) {
      return;
    }
    await em.flush();
    const counts = await this.repo.placeCounts(em, session.id);
    const free = session.capacity - counts.held;
    if (free <= 0 || counts.waiting === 0) {
      return;
    }
    const expiry = offerExpiry(now, session.startsAt);
    if (!expiry) {
      return;
    }
    for (const b of await this.repo.firstWaiting(em, session, free)) {
      b.status = BookingStatus.OFFERED;
      b.offerExpiresAt = expiry;
      b.session = session;
      await this.changes.changed(em, b, { action: 'offered', from: BookingStatus.WAITLISTED, actor: null, at: now });
    }
  }

  /** Ends offers and approval requests that ran out of time and passes the places on, one session per transaction. */
  async expireHolds(now = this.clock.now()): Promise<number> {
    let expired = 0;
    for (const sessionId of await this.repo.sessionsWithDueHolds(this.em.fork(), now)) {
      expired += await this.em.fork().transactional(async (em) => {
        const session = await this.repo.lockSession(em, sessionId);
        const stale = await this.repo.dueHolds(em, session, now);
        for (const b of stale) {
          const from = b.status;
          b.status = BookingStatus.EXPIRED;
          b.offerExpiresAt = null;
          b.session = session;
          const action = from === BookingStatus.OFFERED ? 'offer-expired' : 'approval-expired';
          await this.changes.changed(em, b, { action, from, actor: null, at: now });
        }
        await this.fillFreedPlaces(em, session, now);
        await em.flush();
        return stale.length;
      });
    }
    return expired;
  }
}
