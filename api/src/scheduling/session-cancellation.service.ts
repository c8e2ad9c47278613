import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { BookingStatus, DomainError, ErrorCode, SessionStatus, formatLondonDate } from '@lh/domain';
import { requireCoordinator } from '../common/access';
import { Clock } from '../common/clock';
import type { Viewer } from '../common/viewer';
import { BookingChanges } from '../booking/booking-changes';
import { BookingMailer } from '../booking/booking-mailer';
import { BookingQueries } from '../booking/booking-queries.service';
import { BookingRepository } from '../booking/booking.repository';
import type { SessionRosterType } from '../booking/booking.types';
import { Session } from './session.entity';
import { TrainerMailer } from './trainer-mailer';

/**
 * A session's own lifecycle: calling it off. Every live booking is cancelled (never late) and told,
 * with other dates of the course, and its trainers are told (their invites cancelled), in the
 * transaction that cancels the session.
 */
@Injectable()
export class SessionCancellationService {
  constructor(
    private readonly em: EntityManager,
    private readonly repo: BookingRepository,
    private readonly changes: BookingChanges,
    private readonly mailer: BookingMailer,
    private readonly queries: BookingQueries,
    private readonly trainerMailer: TrainerMailer,
    private readonly clock: Clock,
  ) {}

  async cancelSession(viewer: Viewer, sessionId: string, reason: string, now = this.clock.now()): Promise<SessionRosterType> {
    requireCoordinator(viewer);
    await this.em.fork().transactional(async (em) => {
      const session = await this.repo.lockSession(em, sessionId, { withTrainers: true });
      if (session.status === SessionStatus.CANCELLED) {
        throw new DomainError(ErrorCode.SessionCancelled, 'This session is already cancelled.');
      }
      session.status = SessionStatus.CANCELLED;
      session.cancelledAt = now;
      session.cancellationReason = reason;
      const others = await em.find(
        Session,
        { course: session.course, status: SessionStatus.SCHEDULED, startsAt: { $gt: now }, id: { $ne: session.id } },
        { orderBy: { startsAt: 'asc' }, limit: 5 },
      );
      const otherDates = others.map((o) => formatLondonDate(o.startsAt));
      const actor = this.changes.actor(em, viewer);
      for (const booking of await this.repo.liveOnSessionAll(em, session)) {
        const from = booking.status;
        booking.session = session;
        booking.status = BookingStatus.CANCELLED;
        booking.cancelledAt = now;
        booking.offerExpiresAt = null;
        booking.approvalExpiresAt = null;
        this.changes.record(em, booking, { action: 'session-cancelled', from, actor, reason, at: now });
        await this.mailer.sessionCancelled(em, booking, { wasConfirmed: from === BookingStatus.CONFIRMED, reason, otherDates });
      }
      await this.trainerMailer.sessionCancelled(em, session, reason);
      await em.flush();
    });
    return this.queries.roster(viewer, sessionId);
  }
}
